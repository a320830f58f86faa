package dev.kiln.prep;

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

/** The fill value of every column, learned by {@link Imputer}. Immutable; columns it does not know pass through. */
public final class FittedImputer implements FittedTransformer {
    public static final String TYPE = "imputer";

    private final Map<String, Double> numbers;
    private final Map<String, String> labels;

    FittedImputer(Map<String, Double> numbers, Map<String, String> labels) {
        this.numbers = Map.copyOf(numbers);
        this.labels = Map.copyOf(labels);
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
        List<Column> out = new ArrayList<>(frame.columnCount());
        for (Column column : frame.columns()) {
            out.add(fill(column));
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
        return new FittedImputer(numbers, labels);
    }
}
