package dev.kiln.prep;

import dev.kiln.data.ColumnKind;
import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Checks;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The levels of every encoded column, learned by {@link OneHotEncoder}; an empty level list marks a
 * boolean column (one 0/1 column); grouped columns also get a {@code column=__other__} column. Immutable. Encodes by label, so the input's code order does not matter.
 */
public final class FittedOneHotEncoder implements FittedTransformer {
    public static final String TYPE = "one_hot";

    private final Map<String, List<String>> levels;
    private final List<String> grouped;

    FittedOneHotEncoder(Map<String, List<String>> levels, List<String> grouped) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        levels.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.levels = copy;
        this.grouped = List.copyOf(grouped);
    }

    @Override
    public Frame apply(Frame frame) {
        List<Column> out = new ArrayList<>();
        for (Column column : frame.columns()) {
            List<String> known = levels.get(column.name());
            if (known == null) {
                out.add(column);
                continue;
            }
            Checks.checkArgument(column instanceof CategoricalColumn, "column '%s' is %s, expected %s",
                    column.name(), column.kind().label(), known.isEmpty() ? "boolean" : "categorical");
            CategoricalColumn c = (CategoricalColumn) column;
            if (known.isEmpty()) {
                out.add(indicator(c.name(), c, c.levels().indexOf("true")));
            } else {
                Map<String, Integer> codeOf = new HashMap<>();
                for (int k = 0; k < c.levels().size(); k++) {
                    codeOf.put(c.levels().get(k), k);
                }
                for (String level : known) {
                    out.add(indicator(c.name() + "=" + level, c, codeOf.getOrDefault(level, -2)));
                }
                if (grouped.contains(c.name())) {
                    out.add(other(c, known));
                }
            }
        }
        return Frame.of(out);
    }

    /** 1 where the column's code is {@code code}, 0 elsewhere (missing included). */
    private static NumericColumn indicator(String name, CategoricalColumn c, int code) {
        double[] values = new double[c.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = c.code(i) == code ? 1.0 : 0.0;
        }
        return NumericColumn.wrap(name, values);
    }

    /** 1 where the column holds a present level outside {@code known}, 0 elsewhere. */
    private static NumericColumn other(CategoricalColumn c, List<String> known) {
        boolean[] isOther = new boolean[c.levels().size()];
        for (int k = 0; k < isOther.length; k++) {
            isOther[k] = !known.contains(c.levels().get(k));
        }
        double[] values = new double[c.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = c.code(i) >= 0 && isOther[c.code(i)] ? 1.0 : 0.0;
        }
        return NumericColumn.wrap(c.name() + "=" + OneHotEncoder.OTHER, values);
    }

    /**
     * The row form: a label outside the slot's levels (code {@link RowLayout#UNSEEN}) gives 0 in every
     * indicator and 1 in {@code column=__other__} when the column is grouped, as in the frame form;
     * refused when a known level is outside the slot's levels (an unseen label could then be it).
     */
    @Override
    public Optional<RowTransform> rowForm(RowLayout input) {
        RowProgram.Builder out = RowProgram.empty();
        for (int i = 0; i < input.size(); i++) {
            RowLayout.Slot slot = input.slot(i);
            List<String> known = levels.get(slot.name());
            if (known == null) {
                out.copy(slot, i);
                continue;
            }
            if (!slot.isCoded()) {
                return Optional.empty();
            }
            int at = i;
            if (known.isEmpty()) {
                if (slot.kind() != ColumnKind.BOOLEAN && !slot.levels().contains("true")) {
                    return Optional.empty();
                }
                double code = slot.levels().indexOf("true");
                out.add(RowLayout.Slot.numeric(slot.name()), in -> in[at] == code ? 1.0 : 0.0);
                continue;
            }
            for (String level : known) {
                if (!slot.levels().contains(level)) {
                    return Optional.empty();
                }
                double code = slot.levels().indexOf(level);
                out.add(RowLayout.Slot.numeric(slot.name() + "=" + level), in -> in[at] == code ? 1.0 : 0.0);
            }
            if (grouped.contains(slot.name())) {
                boolean[] isOther = new boolean[slot.levels().size()];
                for (int k = 0; k < isOther.length; k++) {
                    isOther[k] = !known.contains(slot.levels().get(k));
                }
                out.add(RowLayout.Slot.numeric(slot.name() + "=" + OneHotEncoder.OTHER),
                        in -> in[at] == RowLayout.UNSEEN || in[at] >= 0 && isOther[(int) in[at]] ? 1.0 : 0.0);
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
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("type", TYPE);
        ObjectNode columns = node.putObject("columns");
        levels.forEach((name, list) -> {
            ArrayNode array = columns.putArray(name);
            list.forEach(array::add);
        });
        if (!grouped.isEmpty()) {
            StepJson.putStrings(node, "grouped", grouped);
        }
        return node;
    }

    public static FittedOneHotEncoder fromJson(ObjectNode node) {
        Map<String, List<String>> levels = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.path("columns").properties()) {
            List<String> list = new ArrayList<>();
            e.getValue().forEach(v -> list.add(v.asText()));
            levels.put(e.getKey(), list);
        }
        return new FittedOneHotEncoder(levels, StepJson.strings(node.path("grouped")));
    }
}
