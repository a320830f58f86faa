package dev.kiln.data;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Types a column read as labels (codes into distinct levels, as the CSV and Parquet readers gather them): a forced
 * kind, or the kind {@link ColumnParser#infer} gives, decided on the distinct levels instead of every value (the
 * same answer: each rule holds for all values exactly when it holds for all levels, and a label column always holds
 * a value that is not a number). A value that does not fit a forced kind names its row's location. Stateless.
 */
public final class LabelColumns {
    private LabelColumns() {
    }

    /**
     * The column {@code name} from {@code codes} (-1 = missing; taken over: the caller must not touch them again)
     * into {@code levels}; {@code where} gives the location of a row for messages, such as {@code data.csv:12}.
     */
    public static Column column(String name, int[] codes, List<String> levels, ColumnKind forced, IntFunction<String> where) {
        ColumnKind kind = forced != null ? forced : infer(codes, levels);
        return switch (kind) {
            case NUMERIC -> numeric(name, codes, levels, where);
            case BOOLEAN -> {
                int[] value = new int[levels.size()];
                for (int c = 0; c < value.length; c++) {
                    value[c] = Values.parseBoolean(levels.get(c));
                }
                check(name, codes, levels, value, "true or false", where);
                for (int i = 0; i < codes.length; i++) {
                    codes[i] = codes[i] < 0 ? CategoricalColumn.MISSING : value[codes[i]];
                }
                yield CategoricalColumn.wrap(name, ColumnKind.BOOLEAN, codes, List.of("false", "true"));
            }
            case TIMESTAMP -> {
                long[] value = new long[levels.size()];
                int[] fits = new int[levels.size()];
                for (int c = 0; c < value.length; c++) {
                    value[c] = Values.parseTimestamp(levels.get(c));
                    fits[c] = value[c] == TimestampColumn.MISSING ? -1 : 0;
                }
                check(name, codes, levels, fits, "an ISO-8601 date or date-time", where);
                long[] out = new long[codes.length];
                for (int i = 0; i < codes.length; i++) {
                    out[i] = codes[i] < 0 ? TimestampColumn.MISSING : value[codes[i]];
                }
                yield TimestampColumn.of(name, out);
            }
            case CATEGORICAL -> CategoricalColumn.wrap(name, ColumnKind.CATEGORICAL, codes, levels);
            case TEXT -> {
                String[] out = new String[codes.length];
                for (int i = 0; i < codes.length; i++) {
                    out[i] = codes[i] < 0 ? null : levels.get(codes[i]);
                }
                yield TextColumn.of(name, out);
            }
        };
    }

    /** The kind of a column that holds at least one value that is not a number. */
    private static ColumnKind infer(int[] codes, List<String> levels) {
        boolean bool = true;
        boolean time = true;
        for (String level : levels) {
            bool = bool && Values.parseBoolean(level) >= 0;
            time = time && Values.parseTimestamp(level) != TimestampColumn.MISSING;
        }
        if (levels.isEmpty()) {
            return ColumnKind.NUMERIC;
        }
        if (bool) {
            return ColumnKind.BOOLEAN;
        }
        if (time) {
            return ColumnKind.TIMESTAMP;
        }
        long present = 0;
        for (int code : codes) {
            present += code >= 0 ? 1 : 0;
        }
        int distinct = levels.size();
        return distinct > ColumnParser.TEXT_MIN_DISTINCT && distinct * 2L > present ? ColumnKind.TEXT : ColumnKind.CATEGORICAL;
    }

    /** A forced-numeric column that was read as labels (only when every value is missing or a number). */
    private static Column numeric(String name, int[] codes, List<String> levels, IntFunction<String> where) {
        double[] value = new double[levels.size()];
        int[] fits = new int[levels.size()];
        for (int c = 0; c < value.length; c++) {
            value[c] = Values.parseNumber(levels.get(c));
            fits[c] = Double.isNaN(value[c]) ? -1 : 0;
        }
        check(name, codes, levels, fits, "a number", where);
        double[] out = new double[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = codes[i] < 0 ? Double.NaN : value[codes[i]];
        }
        return NumericColumn.wrap(name, out);
    }

    /** Fails on the first row whose level has a negative {@code fit}, naming its line and value. */
    private static void check(String name, int[] codes, List<String> levels, int[] fit, String expected,
                              IntFunction<String> where) {
        Set<Integer> bad = new HashSet<>();
        for (int c = 0; c < fit.length; c++) {
            if (fit[c] < 0) {
                bad.add(c);
            }
        }
        if (bad.isEmpty()) {
            return;
        }
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] >= 0 && bad.contains(codes[i])) {
                throw new InvalidDataException(where.apply(i) + ": column '" + name
                        + "': expected " + expected + ", found '" + levels.get(codes[i]) + "'");
            }
        }
    }
}
