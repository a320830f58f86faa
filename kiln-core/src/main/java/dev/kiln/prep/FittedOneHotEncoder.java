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
import java.util.Arrays;
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
            out.addAll(encode(column));
        }
        return Frame.of(out);
    }

    /** The columns that {@code column} becomes: its indicators if it is encoded, else itself. */
    private List<? extends Column> encode(Column column) {
        List<String> known = levels.get(column.name());
        if (known == null) {
            return List.of(column);
        }
        Checks.checkArgument(column instanceof CategoricalColumn, "column '%s' is %s, expected %s",
                column.name(), column.kind().label(), known.isEmpty() ? "boolean" : "categorical");
        CategoricalColumn c = (CategoricalColumn) column;
        List<String> names = new ArrayList<>();
        int[] target = new int[c.levels().size()]; // per code of c: the indicator it sets, or -1 for none
        Arrays.fill(target, -1);
        if (known.isEmpty()) {
            names.add(c.name());
            int code = c.levels().indexOf("true");
            if (code >= 0) {
                target[code] = 0;
            }
            return indicators(c, names, target);
        }
        Map<String, Integer> position = new HashMap<>();
        for (String level : known) {
            position.put(level, names.size());
            names.add(c.name() + "=" + level);
        }
        for (int code = 0; code < target.length; code++) {
            target[code] = position.getOrDefault(c.levels().get(code), -1);
        }
        if (grouped.contains(c.name())) {
            for (int code = 0; code < target.length; code++) {
                target[code] = target[code] < 0 ? names.size() : target[code];
            }
            names.add(c.name() + "=" + OneHotEncoder.OTHER);
        }
        return indicators(c, names, target);
    }

    /**
     * The 0/1 columns {@code names} of {@code c}, made in one pass over its rows: column {@code target[code]} is 1 in a
     * row of that code, the others 0; a missing row, or a code whose target is -1, is 0 in all of them.
     */
    private static List<NumericColumn> indicators(CategoricalColumn c, List<String> names, int[] target) {
        double[][] values = new double[names.size()][c.size()];
        for (int i = 0; i < c.size(); i++) {
            int code = c.code(i);
            if (code >= 0 && target[code] >= 0) {
                values[target[code]][i] = 1.0;
            }
        }
        List<NumericColumn> out = new ArrayList<>(names.size());
        for (int j = 0; j < names.size(); j++) {
            out.add(NumericColumn.wrap(names.get(j), values[j]));
        }
        return out;
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
