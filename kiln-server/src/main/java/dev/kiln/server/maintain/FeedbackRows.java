package dev.kiln.server.maintain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TextColumn;
import dev.kiln.data.TimestampColumn;
import dev.kiln.data.Values;
import dev.kiln.store.LoggedPrediction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends labelled production rows (logged inputs, the feedback label as the target) to a training frame, column by
 * column and kind by kind; a column the requests did not carry is missing in the appended rows, a value that does
 * not read as the column's kind too. Stateless.
 */
final class FeedbackRows {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FeedbackRows() {
    }

    static Frame append(Frame source, List<LoggedPrediction> rows, String target) {
        if (rows.isEmpty()) {
            return source;
        }
        List<JsonNode> inputs = new ArrayList<>(rows.size());
        for (LoggedPrediction row : rows) {
            try {
                inputs.add(MAPPER.readTree(row.inputs()));
            } catch (IOException e) {
                throw new UncheckedIOException("corrupt logged inputs of " + row.id(), e);
            }
        }
        List<Column> columns = new ArrayList<>();
        for (Column column : source.columns()) {
            String[] added = new String[rows.size()];
            for (int i = 0; i < added.length; i++) {
                if (column.name().equals(target)) {
                    added[i] = rows.get(i).label();
                } else {
                    JsonNode value = inputs.get(i).get(column.name());
                    added[i] = value == null || value.isNull() ? null : value.asText();
                }
            }
            columns.add(concat(column, added));
        }
        return Frame.of(columns);
    }

    private static Column concat(Column column, String[] added) {
        int n = column.size();
        if (column instanceof NumericColumn numeric) {
            double[] values = new double[n + added.length];
            numeric.copyTo(values, 0);
            for (int i = 0; i < added.length; i++) {
                values[n + i] = added[i] == null ? Double.NaN : Values.parseNumber(added[i]);
            }
            return NumericColumn.of(column.name(), values);
        }
        if (column instanceof CategoricalColumn categorical && column.kind() == ColumnKind.BOOLEAN) {
            int[] codes = new int[n + added.length];
            for (int i = 0; i < n; i++) {
                codes[i] = categorical.isMissing(i) ? -1 : "true".equals(categorical.label(i)) ? 1 : 0;
            }
            for (int i = 0; i < added.length; i++) {
                codes[n + i] = "true".equals(added[i]) ? 1 : "false".equals(added[i]) ? 0 : -1;
            }
            return CategoricalColumn.ofBooleans(column.name(), codes);
        }
        if (column instanceof CategoricalColumn categorical) {
            String[] labels = new String[n + added.length];
            for (int i = 0; i < n; i++) {
                labels[i] = categorical.label(i);
            }
            System.arraycopy(added, 0, labels, n, added.length);
            return CategoricalColumn.ofLabels(column.name(), labels);
        }
        if (column instanceof TextColumn text) {
            String[] values = new String[n + added.length];
            for (int i = 0; i < n; i++) {
                values[i] = text.get(i);
            }
            System.arraycopy(added, 0, values, n, added.length);
            return TextColumn.of(column.name(), values);
        }
        TimestampColumn time = (TimestampColumn) column;
        long[] millis = new long[n + added.length];
        for (int i = 0; i < n; i++) {
            millis[i] = time.get(i);
        }
        for (int i = 0; i < added.length; i++) {
            millis[n + i] = parseTime(added[i]);
        }
        return TimestampColumn.of(column.name(), millis);
    }

    private static long parseTime(String text) {
        if (text == null) {
            return TimestampColumn.MISSING;
        }
        try {
            return java.time.Instant.parse(text).toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            double number = Values.parseNumber(text);
            return Double.isNaN(number) ? TimestampColumn.MISSING : (long) number;
        }
    }
}
