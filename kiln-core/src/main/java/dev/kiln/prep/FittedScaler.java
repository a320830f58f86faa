package dev.kiln.prep;

import java.util.Optional;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The center and scale of every scaled column, learned by {@link Scaler}. Immutable; other columns pass through. */
public final class FittedScaler implements FittedTransformer {
    public static final String TYPE = "scaler";

    private final Map<String, Double> centers;
    private final Map<String, Double> scales;

    FittedScaler(Map<String, Double> centers, Map<String, Double> scales) {
        this.centers = Map.copyOf(centers);
        this.scales = Map.copyOf(scales);
    }

    public double center(String column) {
        return centers.getOrDefault(column, Double.NaN);
    }

    public double scale(String column) {
        return scales.getOrDefault(column, Double.NaN);
    }

    @Override
    public Frame apply(Frame frame) {
        List<Column> out = new ArrayList<>(frame.columnCount());
        for (Column column : frame.columns()) {
            Double center = centers.get(column.name());
            if (center != null && column instanceof NumericColumn n) {
                double scale = scales.get(n.name());
                double[] values = n.toArray();
                for (int i = 0; i < values.length; i++) {
                    values[i] = (values[i] - center) / scale;
                }
                out.add(NumericColumn.wrap(n.name(), values));
            } else {
                out.add(column);
            }
        }
        return Frame.of(out);
    }

    @Override
    public Optional<RowTransform> rowForm(RowLayout input) {
        RowProgram.Builder out = RowProgram.passThrough(input);
        for (int i = 0; i < input.size(); i++) {
            RowLayout.Slot slot = input.slot(i);
            Double center = centers.get(slot.name());
            if (center != null && slot.isNumeric()) {
                double c = center;
                double scale = scales.get(slot.name());
                int at = i;
                out.set(i, slot, in -> (in[at] - c) / scale);
            }
        }
        return out.build();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode toJson(BinaryArrays arrays) {
        ObjectNode node = StepJson.node(TYPE);
        StepJson.putNumbers(node, "centers", new java.util.TreeMap<>(centers));
        StepJson.putNumbers(node, "scales", new java.util.TreeMap<>(scales));
        return node;
    }

    public static FittedScaler fromJson(ObjectNode node) {
        return new FittedScaler(StepJson.numbers(node, "centers"), StepJson.numbers(node, "scales"));
    }
}
