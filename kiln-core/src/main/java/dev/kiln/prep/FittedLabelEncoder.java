package dev.kiln.prep;

import java.util.Optional;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Label → number maps learned by {@link LabelEncoder}, and the number of an unseen label. Immutable; encodes by label. */
public final class FittedLabelEncoder implements FittedTransformer {
    public static final String TYPE = "label_encoder";

    private final Map<String, Map<String, Double>> maps;
    private final double unseen;

    FittedLabelEncoder(Map<String, Map<String, Double>> maps, double unseen) {
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        maps.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        this.maps = copy;
        this.unseen = unseen;
    }

    @Override
    public Frame apply(Frame frame) {
        List<Column> out = new ArrayList<>(frame.columnCount());
        for (Column column : frame.columns()) {
            Map<String, Double> map = maps.get(column.name());
            if (map != null && column instanceof CategoricalColumn c) {
                double[] byCode = new double[c.levels().size()];
                for (int k = 0; k < byCode.length; k++) {
                    byCode[k] = map.getOrDefault(c.levels().get(k), unseen);
                }
                double[] values = new double[c.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = c.code(i) < 0 ? Double.NaN : byCode[c.code(i)];
                }
                out.add(NumericColumn.wrap(c.name(), values));
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
            Map<String, Double> map = maps.get(slot.name());
            if (map == null || !slot.isCoded()) {
                continue;
            }
            if (!slot.levels().containsAll(map.keySet())) {
                return Optional.empty();
            }
            double[] byCode = new double[slot.levels().size()];
            for (int k = 0; k < byCode.length; k++) {
                byCode[k] = map.getOrDefault(slot.levels().get(k), unseen);
            }
            int at = i;
            out.set(i, RowLayout.Slot.numeric(slot.name()),
                    in -> Double.isNaN(in[at]) ? Double.NaN : in[at] == RowLayout.UNSEEN ? unseen : byCode[(int) in[at]]);
        }
        return out.build();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode toJson(BinaryArrays arrays) {
        ObjectNode node = StepJson.node(TYPE).put("unseen", unseen);
        ObjectNode columns = node.putObject("columns");
        maps.forEach((name, map) -> StepJson.putNumbers(columns, name, new java.util.TreeMap<>(map)));
        return node;
    }

    public static FittedLabelEncoder fromJson(ObjectNode node) {
        Map<String, Map<String, Double>> maps = new LinkedHashMap<>();
        node.path("columns").properties().forEach(e -> maps.put(e.getKey(), StepJson.numbers(node.path("columns"), e.getKey())));
        return new FittedLabelEncoder(maps, node.path("unseen").asDouble());
    }
}
