package dev.kiln.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Field;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TextColumn;
import dev.kiln.data.TimestampColumn;
import dev.kiln.data.Values;

/**
 * Collects the JSON values of one input field, row by row, into a column of the field's kind. A value
 * of the wrong JSON type is a {@link BadRequestException} naming where it was found; null is missing.
 * Numbers: JSON numbers (NaN and Infinity are not JSON). Categories: strings, or numbers and booleans
 * written as the CSV reader would read them. Booleans: true/false. Timestamps: ISO-8601 strings.
 */
final class FieldBuilder {
    private final Field field;
    private final double[] numbers;
    private final String[] labels;
    private final int[] booleans;
    private final long[] instants;
    private final boolean[] seen;

    FieldBuilder(Field field, int rows) {
        this.field = field;
        ColumnKind kind = field.kind();
        numbers = kind == ColumnKind.NUMERIC ? new double[rows] : null;
        labels = kind == ColumnKind.CATEGORICAL || kind == ColumnKind.TEXT ? new String[rows] : null;
        booleans = kind == ColumnKind.BOOLEAN ? new int[rows] : null;
        instants = kind == ColumnKind.TIMESTAMP ? new long[rows] : null;
        seen = new boolean[rows];
    }

    Field field() {
        return field;
    }

    /** Sets row {@code row} from {@code value}; {@code where} names its place in the request for errors. */
    void set(int row, JsonNode value, Location where) {
        seen[row] = true;
        switch (field.kind()) {
            case NUMERIC -> {
                if (!value.isNull() && !value.isNumber()) {
                    throw where.wrongType("a number or null", value);
                }
                numbers[row] = value.isNull() ? Double.NaN : value.doubleValue();
                if (Double.isInfinite(numbers[row])) {
                    throw where.wrongType("a finite number or null", value);
                }
            }
            case BOOLEAN -> {
                if (!value.isNull() && !value.isBoolean()) {
                    throw where.wrongType("true, false or null", value);
                }
                booleans[row] = value.isNull() ? CategoricalColumn.MISSING : value.booleanValue() ? 1 : 0;
            }
            case TIMESTAMP -> {
                long instant = value.isTextual() ? Values.parseTimestamp(value.textValue()) : TimestampColumn.MISSING;
                if (!value.isNull() && instant == TimestampColumn.MISSING) {
                    throw where.wrongType("an ISO-8601 date or date-time string, or null", value);
                }
                instants[row] = value.isNull() ? TimestampColumn.MISSING : instant;
            }
            case CATEGORICAL, TEXT -> {
                if (!value.isNull() && !value.isValueNode()) {
                    throw where.wrongType("a string or null", value);
                }
                labels[row] = value.isNull() ? null : label(value);
            }
        }
    }

    /** Whether every row was set; when not, the first row that was not. */
    int firstUnset() {
        for (int i = 0; i < seen.length; i++) {
            if (!seen[i]) {
                return i;
            }
        }
        return -1;
    }

    Column build() {
        String name = field.name();
        return switch (field.kind()) {
            case NUMERIC -> NumericColumn.wrap(name, numbers);
            case BOOLEAN -> CategoricalColumn.ofBooleans(name, booleans);
            case TIMESTAMP -> TimestampColumn.of(name, instants);
            case CATEGORICAL -> CategoricalColumn.ofLabels(name, labels);
            case TEXT -> TextColumn.of(name, labels);
        };
    }

    /** A JSON scalar as a category label the way the CSV reader would see it: {@code 3}, not {@code 3.0}. */
    private static String label(JsonNode value) {
        if (value.isNumber() && !value.isIntegralNumber()) {
            double v = value.doubleValue();
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
        return value.asText();
    }

    /** A place in a request, built lazily so the fast path does not format strings. */
    @FunctionalInterface
    interface Location {
        String describe();

        default BadRequestException wrongType(String expected, JsonNode found) {
            String shown = found.toString();
            if (shown.length() > 40) {
                shown = shown.substring(0, 40) + "...";
            }
            return new BadRequestException(describe() + ": expected " + expected + ", found " + shown);
        }
    }
}
