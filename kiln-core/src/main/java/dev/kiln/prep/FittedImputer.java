package dev.kiln.prep;

import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fill value of every column and the columns that get missing indicators, learned by {@link Imputer}.
 * Immutable; columns it does not know pass through.
 */
public final class FittedImputer implements FittedTransformer {
    public static final String TYPE = "imputer";

    private final Map<String, Double> numbers;
    private final Map<String, String> labels;
    private final List<String> indicators;

    FittedImputer(Map<String, Double> numbers, Map<String, String> labels, List<String> indicators) {
        this.numbers = Map.copyOf(numbers);
        this.labels = Map.copyOf(labels);
        this.indicators = List.copyOf(indicators);
    }

    /** The columns that get a 0/1 {@code NAME_missing} indicator column, appended in this order. */
    public List<String> indicators() {
        return indicators;
    }

    /** The value that fills missing entries of a numeric column, if it has one. */
    public Double numberFor(String column) {
        return numbers.get(column);
    }

    /** The label that fills missing entries of a categorical column, if it has one. */
    public String labelFor(String column) {
        return labels.get(column);
    }

    @Override
    public Frame apply(Frame frame) {
        List<Column> out = new ArrayList<>(frame.columnCount() + indicators.size());
        for (Column column : frame.columns()) {
            out.add(fill(column));
        }
        for (String name : indicators) {
            if (frame.has(name)) {
                Column column = frame.column(name);
                double[] flags = new double[column.size()];
                for (int i = 0; i < flags.length; i++) {
                    flags[i] = column.isMissing(i) ? 1.0 : 0.0;
                }
                out.add(NumericColumn.wrap(name + "_missing", flags));
            }
        }
        return Frame.of(out);
    }

    private Column fill(Column column) {
        if (column.missingCount() == 0) {
            return column;
        }
        if (column instanceof NumericColumn n && numbers.containsKey(n.name())) {
            double fill = numbers.get(n.name());
            double[] values = n.toArray();
            for (int i = 0; i < values.length; i++) {
                if (Double.isNaN(values[i])) {
                    values[i] = fill;
                }
            }
            return NumericColumn.wrap(n.name(), values);
        }
        if (column instanceof CategoricalColumn c && labels.containsKey(c.name())) {
            String fill = labels.get(c.name());
            String[] values = new String[c.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = c.isMissing(i) ? fill : c.label(i);
            }
            return relabel(c, values);
        }
        return column;
    }

    /** Keeps the column's kind and level order, appending the fill label if it is a new level. */
    private static CategoricalColumn relabel(CategoricalColumn c, String[] values) {
        List<String> levels = new ArrayList<>(c.levels());
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            int code = levels.indexOf(values[i]);
            if (code < 0) {
                levels.add(values[i]);
                code = levels.size() - 1;
            }
            codes[i] = code;
        }
        return c.kind() == ColumnKind.BOOLEAN
                ? CategoricalColumn.ofBooleans(c.name(), codes)
                : CategoricalColumn.of(c.name(), codes, levels);
    }

    @Override
    public Optional<RowTransform> rowForm(RowLayout input) {
        RowProgram.Builder out = RowProgram.passThrough(input);
        for (int i = 0; i < input.size(); i++) {
            RowLayout.Slot slot = input.slot(i);
            int at = i;
            if (slot.isNumeric() && numbers.containsKey(slot.name())) {
                double fill = numbers.get(slot.name());
                out.set(i, slot, in -> Double.isNaN(in[at]) ? fill : in[at]);
            } else if (slot.isCoded() && labels.containsKey(slot.name())) {
                String label = labels.get(slot.name());
                List<String> levels = new ArrayList<>(slot.levels());
                if (!levels.contains(label)) {
                    if (slot.kind() == ColumnKind.BOOLEAN) {
                        return Optional.empty();
                    }
                    levels.add(label);
                }
                double fill = levels.indexOf(label);
                out.set(i, new RowLayout.Slot(slot.name(), slot.kind(), levels), in -> Double.isNaN(in[at]) ? fill : in[at]);
            }
        }
        for (String name : indicators) {
            int at = input.indexOf(name);
            if (at < 0) {
                continue;
            }
            RowLayout.Slot slot = input.slot(at);
            if (slot.kind() == ColumnKind.TEXT) {
                return Optional.empty();
            }
            out.add(RowLayout.Slot.numeric(name + "_missing"), in -> Double.isNaN(in[at]) ? 1.0 : 0.0);
        }
        return out.build();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode toJson(BinaryArrays arrays) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("type", TYPE);
        ObjectNode n = node.putObject("numeric");
        numbers.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> n.put(e.getKey(), e.getValue()));
        ObjectNode c = node.putObject("categorical");
        labels.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> c.put(e.getKey(), e.getValue()));
        if (!indicators.isEmpty()) {
            StepJson.putStrings(node, "indicators", indicators);
        }
        return node;
    }

    public static FittedImputer fromJson(ObjectNode node) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.path("numeric").properties()) {
            numbers.put(e.getKey(), e.getValue().asDouble());
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.path("categorical").properties()) {
            labels.put(e.getKey(), e.getValue().asText());
        }
        return new FittedImputer(numbers, labels, StepJson.strings(node.path("indicators")));
    }
}
