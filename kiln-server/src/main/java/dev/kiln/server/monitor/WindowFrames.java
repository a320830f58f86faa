package dev.kiln.server.monitor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Field;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.Role;
import dev.kiln.data.Schema;
import dev.kiln.data.Values;
import dev.kiln.learn.ParallelLoop;
import dev.kiln.store.LogWindow;
import dev.kiln.store.LoggedPrediction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

/**
 * Turns logged predictions back into frames: the inputs shaped by a model's input schema (its features, numeric or
 * categorical as in training; a value that no longer parses counts as missing) and the predictions as a column.
 * From a columnar {@link LogWindow} the columns are taken as they are; from rows with JSON inputs each row's JSON is
 * streamed once with Jackson's parser, rows in parallel on the common fork/join pool.
 * Stateless, thread-safe.
 */
public final class WindowFrames {
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

    private WindowFrames() {
    }

    /**
     * The features of {@code schema} from a columnar window, in schema order: the logged columns as they are when
     * their kind fits (numeric, or categorical coded by the logged levels), else converted as the JSON path would; a
     * feature the log lacks is missing throughout. No parsing: the columns are shared or copied once.
     */
    public static Frame inputs(LogWindow window, Schema schema) {
        Frame logged = window.features();
        int n = window.size();
        List<Column> columns = new ArrayList<>();
        for (Field field : schema.withRole(Role.FEATURE)) {
            String name = field.name();
            Column column = logged.has(name) ? logged.column(name) : null;
            if (field.kind() == ColumnKind.NUMERIC) {
                if (column instanceof NumericColumn numeric) {
                    columns.add(numeric);
                } else {
                    double[] values = new double[n];
                    for (int i = 0; i < n; i++) {
                        values[i] = column == null || column.isMissing(i) ? Double.NaN : Values.parseNumber(column.format(i));
                    }
                    columns.add(NumericColumn.wrap(name, values));
                }
            } else if (column instanceof CategoricalColumn categorical && categorical.kind() == ColumnKind.CATEGORICAL) {
                columns.add(categorical);
            } else {
                String[] labels = new String[n];
                for (int i = 0; i < n; i++) {
                    labels[i] = column == null ? null : column.format(i);
                }
                columns.add(CategoricalColumn.ofLabels(name, labels));
            }
        }
        return Frame.of(columns);
    }

    /** The predictions of a columnar window: class labels (categorical) for classifiers, values (numeric) otherwise. */
    public static Column predictions(LogWindow window, boolean classification) {
        Column column = window.predictions();
        if (classification == (column.kind() != ColumnKind.NUMERIC)) {
            return column;
        }
        if (classification) {
            String[] labels = new String[column.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = column.format(i);
            }
            return CategoricalColumn.ofLabels("prediction", labels);
        }
        double[] values = new double[column.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.isMissing(i) ? Double.NaN : Values.parseNumber(column.format(i));
        }
        return NumericColumn.wrap("prediction", values);
    }

    /** The features of {@code schema} from the logged inputs of {@code rows} (JSON text), in schema order. */
    public static Frame inputs(List<LoggedPrediction> rows, Schema schema) {
        List<Field> features = schema.withRole(Role.FEATURE);
        Map<String, Integer> position = new HashMap<>();
        double[][] numbers = new double[features.size()][];
        String[][] labels = new String[features.size()][];
        for (int f = 0; f < features.size(); f++) {
            position.put(features.get(f).name(), f);
            if (features.get(f).kind() == ColumnKind.NUMERIC) {
                numbers[f] = new double[rows.size()];
                Arrays.fill(numbers[f], Double.NaN);
            } else {
                labels[f] = new String[rows.size()];
            }
        }
        // Rows are parsed in parallel parts; each row writes only its own slots, so the frame is the same either way.
        ParallelLoop.run(ForkJoinPool.commonPool(), rows.size(), Math.max(1, rows.size() / 8192), (part, from, to) -> {
            for (int i = from; i < to; i++) {
                parse(rows.get(i).inputs(), i, position, numbers, labels);
            }
        });
        List<Column> columns = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            String name = features.get(f).name();
            columns.add(numbers[f] != null ? NumericColumn.wrap(name, numbers[f]) : CategoricalColumn.ofLabels(name, labels[f]));
        }
        return Frame.of(columns);
    }

    private static void parse(String json, int row, Map<String, Integer> position, double[][] numbers, String[][] labels) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                Integer f = position.get(parser.currentName());
                JsonToken value = parser.nextToken();
                if (f == null || value == JsonToken.VALUE_NULL) {
                    parser.skipChildren();
                    continue;
                }
                if (numbers[f] != null) {
                    numbers[f][row] = value.isNumeric() ? parser.getDoubleValue()
                            : value == JsonToken.VALUE_STRING ? Values.parseNumber(parser.getText()) : Double.NaN;
                } else if (value.isScalarValue()) {
                    labels[f][row] = parser.getText();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt logged inputs: " + json, e);
        }
    }

    /** The predictions of {@code rows}: class labels (categorical) for classifiers, values (numeric) otherwise. */
    public static Column predictions(List<LoggedPrediction> rows, boolean classification) {
        if (classification) {
            String[] labels = new String[rows.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = rows.get(i).prediction();
            }
            return CategoricalColumn.ofLabels("prediction", labels);
        }
        double[] values = new double[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Values.parseNumber(rows.get(i).prediction());
        }
        return NumericColumn.wrap("prediction", values);
    }
}
