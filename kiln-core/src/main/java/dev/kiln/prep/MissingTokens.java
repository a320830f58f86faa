package dev.kiln.prep;

import java.util.Optional;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TextColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns values declared to mean "missing" into missing values, per column: labels such as {@code ?} or
 * {@code unknown} in categorical and text columns, numbers such as {@code 0} in numeric columns. Learns
 * nothing; immutable. Columns that are absent pass silently; tokens that do not parse as numbers never
 * match a numeric column.
 */
public final class MissingTokens implements Transformer, FittedTransformer {
    public static final String TYPE = "missing_tokens";

    private final Map<String, List<String>> tokens;

    public MissingTokens(Map<String, List<String>> tokens) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        tokens.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.tokens = copy;
    }

    public Map<String, List<String>> tokens() {
        return tokens;
    }

    @Override
    public FittedTransformer fit(Frame train) {
        return this;
    }

    @Override
    public Frame apply(Frame frame) {
        List<Column> out = new ArrayList<>(frame.columnCount());
        for (Column column : frame.columns()) {
            List<String> declared = tokens.get(column.name());
            out.add(declared == null ? column : blank(column, declared));
        }
        return Frame.of(out);
    }

    private static Column blank(Column column, List<String> declared) {
        if (column instanceof NumericColumn n) {
            List<Double> numbers = new ArrayList<>();
            for (String token : declared) {
                try {
                    numbers.add(Double.parseDouble(token.strip()));
                } catch (NumberFormatException e) {
                    // a label token cannot match a number
                }
            }
            double[] values = n.toArray();
            for (int i = 0; i < values.length; i++) {
                if (numbers.contains(values[i])) {
                    values[i] = Double.NaN;
                }
            }
            return NumericColumn.wrap(n.name(), values);
        }
        if (column instanceof CategoricalColumn c) {
            int[] codes = c.toCodes();
            for (int i = 0; i < codes.length; i++) {
                if (codes[i] >= 0 && declared.contains(c.levels().get(codes[i]))) {
                    codes[i] = CategoricalColumn.MISSING;
                }
            }
            return c.kind() == ColumnKind.BOOLEAN ? CategoricalColumn.ofBooleans(c.name(), codes)
                    : CategoricalColumn.of(c.name(), codes, c.levels());
        }
        if (column instanceof TextColumn t) {
            String[] values = new String[t.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = declared.contains(t.get(i)) ? null : t.get(i);
            }
            return TextColumn.of(t.name(), values);
        }
        return column;
    }

    /** The row form; refused when a categorical column's token is not one of its levels (an unseen label could be it). */
    @Override
    public Optional<RowTransform> rowForm(RowLayout input) {
        RowProgram.Builder out = RowProgram.passThrough(input);
        for (int i = 0; i < input.size(); i++) {
            RowLayout.Slot slot = input.slot(i);
            List<String> declared = tokens.get(slot.name());
            int at = i;
            if (declared == null) {
                continue;
            }
            if (slot.isNumeric()) {
                long[] bits = declared.stream().flatMap(t -> {
                    try {
                        return java.util.stream.Stream.of(Double.doubleToLongBits(Double.parseDouble(t.strip())));
                    } catch (NumberFormatException e) {
                        return java.util.stream.Stream.empty();
                    }
                }).mapToLong(Long::longValue).toArray();
                out.set(i, slot, in -> {
                    long b = Double.doubleToLongBits(in[at]);
                    for (long token : bits) {
                        if (token == b) {
                            return Double.NaN;
                        }
                    }
                    return in[at];
                });
            } else if (slot.isCoded()) {
                if (slot.kind() == ColumnKind.CATEGORICAL && !slot.levels().containsAll(declared)) {
                    return Optional.empty();
                }
                boolean[] blank = new boolean[slot.levels().size()];
                for (int k = 0; k < blank.length; k++) {
                    blank[k] = declared.contains(slot.levels().get(k));
                }
                out.set(i, slot, in -> in[at] >= 0 && blank[(int) in[at]] ? Double.NaN : in[at]);
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
        StepJson.putStringLists(node, "tokens", tokens);
        return node;
    }

    public static MissingTokens fromJson(ObjectNode node) {
        return new MissingTokens(StepJson.stringLists(node, "tokens"));
    }
}
