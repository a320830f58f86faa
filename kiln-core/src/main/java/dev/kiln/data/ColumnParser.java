package dev.kiln.data;

import java.util.HashSet;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Turns the text values of one column into a typed {@link Column}: infers the kind when none is
 * given, and names the row and value that do not fit a forced kind.
 *
 * <p>Inference: every value a number means numeric; every value true/false means boolean; every
 * value an ISO date or date-time means timestamp; otherwise text when more than 50 distinct values
 * make up more than half of the values, else categorical. Missing values (null) do not vote.
 */
public final class ColumnParser {
    /** Above this many distinct values, a string column may be text rather than categorical. */
    static final int TEXT_MIN_DISTINCT = 50;

    private ColumnParser() {
    }

    /** The inferred kind of {@code values} (null = missing); numeric when every value is missing. */
    public static ColumnKind infer(String[] values) {
        boolean numeric = true;
        boolean bool = true;
        boolean time = true;
        int present = 0;
        for (String v : values) {
            if (v == null) {
                continue;
            }
            present++;
            numeric = numeric && !Double.isNaN(Values.parseNumber(v));
            bool = bool && Values.parseBoolean(v) >= 0;
            time = time && Values.parseTimestamp(v) != TimestampColumn.MISSING;
            if (!numeric && !bool && !time) {
                break;
            }
        }
        if (present == 0 || numeric) {
            return ColumnKind.NUMERIC;
        }
        if (bool) {
            return ColumnKind.BOOLEAN;
        }
        if (time) {
            return ColumnKind.TIMESTAMP;
        }
        return looksLikeText(values) ? ColumnKind.TEXT : ColumnKind.CATEGORICAL;
    }

    private static boolean looksLikeText(String[] values) {
        Set<String> distinct = new HashSet<>();
        int present = 0;
        for (String v : values) {
            if (v != null) {
                present++;
                distinct.add(v);
            }
        }
        return distinct.size() > TEXT_MIN_DISTINCT && distinct.size() * 2 > present;
    }

    /**
     * A column of {@code kind} from {@code values}; {@code where} gives the location of row i for
     * errors (for instance {@code data.csv:12}), so a bad value is reported as
     * {@code data.csv:12: column 'c': expected a number, found 'x'}.
     */
    public static Column parse(String name, String[] values, ColumnKind kind, IntFunction<String> where) {
        return switch (kind) {
            case NUMERIC -> {
                double[] out = new double[values.length];
                for (int i = 0; i < values.length; i++) {
                    out[i] = values[i] == null ? Double.NaN : Values.parseNumber(values[i]);
                    if (values[i] != null && Double.isNaN(out[i])) {
                        throw bad(where.apply(i), name, "a number", values[i]);
                    }
                }
                yield NumericColumn.wrap(name, out);
            }
            case BOOLEAN -> {
                int[] codes = new int[values.length];
                for (int i = 0; i < values.length; i++) {
                    codes[i] = values[i] == null ? CategoricalColumn.MISSING : Values.parseBoolean(values[i]);
                    if (values[i] != null && codes[i] < 0) {
                        throw bad(where.apply(i), name, "true or false", values[i]);
                    }
                }
                yield CategoricalColumn.ofBooleans(name, codes);
            }
            case TIMESTAMP -> {
                long[] out = new long[values.length];
                for (int i = 0; i < values.length; i++) {
                    out[i] = values[i] == null ? TimestampColumn.MISSING : Values.parseTimestamp(values[i]);
                    if (values[i] != null && out[i] == TimestampColumn.MISSING) {
                        throw bad(where.apply(i), name, "an ISO-8601 date or date-time", values[i]);
                    }
                }
                yield TimestampColumn.of(name, out);
            }
            case CATEGORICAL -> CategoricalColumn.ofLabels(name, values);
            case TEXT -> TextColumn.of(name, values);
        };
    }

    private static InvalidDataException bad(String where, String column, String expected, String found) {
        return new InvalidDataException(where + ": column '" + column + "': expected " + expected
                + ", found '" + found + "'");
    }
}
