package dev.kiln.prep;

import java.util.Optional;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.Arrays;
import java.util.Map;

/** The inner bin edges of every binned column, learned by {@link Binner}. Immutable. */
public final class FittedBinner implements FittedTransformer {
    public static final String TYPE = "binner";

    private final Map<String, double[]> edges;

    FittedBinner(Map<String, double[]> edges) {
        java.util.LinkedHashMap<String, double[]> copy = new java.util.LinkedHashMap<>();
        edges.forEach((k, v) -> copy.put(k, v.clone()));
        this.edges = copy;
    }

    @Override
    public Frame apply(Frame frame) {
        Frame out = frame;
        for (Map.Entry<String, double[]> e : edges.entrySet()) {
            if (!frame.has(e.getKey()) || !(frame.column(e.getKey()) instanceof NumericColumn n)) {
                continue;
            }
            double[] values = n.toArray();
            for (int i = 0; i < values.length; i++) {
                if (!Double.isNaN(values[i])) {
                    int position = Arrays.binarySearch(e.getValue(), values[i]);
                    values[i] = position >= 0 ? position + 1 : -position - 1;
                }
            }
            out = out.with(NumericColumn.wrap(n.name() + "_bin", values));
        }
        return out;
    }

    @Override
    public Optional<RowTransform> rowForm(RowLayout input) {
        RowProgram.Builder out = RowProgram.passThrough(input);
        for (Map.Entry<String, double[]> e : edges.entrySet()) {
            int at = input.indexOf(e.getKey());
            if (at < 0 || !input.slot(at).isNumeric()) {
                continue;
            }
            double[] bounds = e.getValue();
            out.with(RowLayout.Slot.numeric(e.getKey() + "_bin"), in -> {
                double v = in[at];
                if (Double.isNaN(v)) {
                    return v;
                }
                int position = Arrays.binarySearch(bounds, v);
                return position >= 0 ? position + 1 : -position - 1;
            });
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
        StepJson.putArrays(node, "edges", edges);
        return node;
    }

    public static FittedBinner fromJson(ObjectNode node) {
        return new FittedBinner(StepJson.arrays(node, "edges"));
    }
}
