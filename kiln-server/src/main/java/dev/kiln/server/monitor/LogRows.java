package dev.kiln.server.monitor;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TextColumn;
import dev.kiln.data.TimestampColumn;
import dev.kiln.data.Values;
import dev.kiln.learn.Predictions;
import dev.kiln.prep.RowLayout;
import dev.kiln.store.LogColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The writer's columnar builder of one batch of logged rows of one model version ({@link LogLayout}): appends raw
 * rows as the compiled one-record path parsed them (values, with the text of unseen categories and text features)
 * or rows of a decoded request frame, into growing primitive arrays, and builds the batch frame of
 * {@link LogColumns} and features. Categorical features stay coded by the model's levels (an unseen label is added
 * as a level), so a row costs a few array stores and no string work. Not thread-safe: the writer thread owns it.
 */
final class LogRows {
    private final LogLayout layout;
    private final int width;
    private final String keyField;
    private final int keySlot;
    private int size;
    private int capacity = 64;
    private double[] number = new double[capacity];
    private double[] at = new double[capacity];
    private double[] latency = new double[capacity];
    private String[] keys = new String[capacity];
    private double[][] values;
    private int[][] codes;
    private long[][] times;
    private String[][] texts;
    private List<List<String>> levels;
    private List<Map<String, Integer>> levelIndex;
    private int[] predicted = new int[capacity];
    private double[][] outputs;
    private final List<String> classes = new ArrayList<>();
    private final Map<String, Integer> classIndex = new HashMap<>();

    LogRows(LogLayout layout, String keyField) {
        this.layout = layout;
        this.width = layout.width();
        this.keyField = keyField;
        this.keySlot = keyField == null ? -1 : layout.slot(keyField);
        values = new double[width][];
        codes = new int[width][];
        times = new long[width][];
        texts = new String[width][];
        for (int s = 0; s < width; s++) {
            switch (layout.kind(s)) {
                case NUMERIC -> values[s] = new double[capacity];
                case CATEGORICAL, BOOLEAN -> codes[s] = new int[capacity];
                case TIMESTAMP -> times[s] = new long[capacity];
                case TEXT -> texts[s] = new String[capacity];
            }
        }
        outputs = new double[layout.outputs()][capacity];
        reset();
    }

    /**
     * Empties the builder for the next batch, keeping its arrays (the writer reuses one builder per model version
     * from round to round, so a busy log does not grow and drop its arrays every round); labels the model never saw
     * are forgotten.
     */
    void reset() {
        size = 0;
        levels = new ArrayList<>(width);
        levelIndex = new ArrayList<>(width);
        for (int s = 0; s < width; s++) {
            levels.add(new ArrayList<>(layout.levels(s)));
            levelIndex.add(null);
        }
        classes.clear();
        classes.addAll(layout.classes());
        classIndex.clear();
        for (int c = 0; c < classes.size(); c++) {
            classIndex.putIfAbsent(classes.get(c), c);
        }
        Arrays.fill(keys, null);
        for (String[] column : texts) {
            if (column != null) {
                Arrays.fill(column, null);
            }
        }
    }

    LogLayout layout() {
        return layout;
    }

    String keyField() {
        return keyField;
    }

    int size() {
        return size;
    }

    /**
     * Appends a raw row of the ring, laid out as the layout's slots (codes index its levels; its texts hold the unseen
     * labels and the text values).
     */
    void addRow(RowRing.Row r) {
        int i = next();
        number[i] = r.number;
        at[i] = r.atMs;
        latency[i] = r.latencyNanos / 1000;
        double[] row = r.values;
        int base = r.valuesAt;
        String[] text = r.texts;
        for (int s = 0; s < width; s++) {
            double v = row[base + s];
            switch (layout.kind(s)) {
                case NUMERIC -> values[s][i] = v;
                case CATEGORICAL -> codes[s][i] = Double.isNaN(v) ? CategoricalColumn.MISSING
                        : v == RowLayout.UNSEEN ? code(s, text == null ? null : text[s]) : (int) v;
                case BOOLEAN -> codes[s][i] = Double.isNaN(v) ? CategoricalColumn.MISSING : (int) v;
                case TIMESTAMP -> times[s][i] = Double.isNaN(v) ? TimestampColumn.MISSING : (long) v;
                case TEXT -> texts[s][i] = text == null ? null : text[s];
            }
        }
        keys[i] = r.key != null ? r.key : keySlot >= 0 ? format(keySlot, i) : null;
        double[] out = r.outputs;
        int from = r.outputsAt;
        int count = r.outputCount;
        if (layout.classification()) {
            int best = 0;
            for (int c = 0; c < count && c < outputs.length; c++) {
                outputs[c][i] = out[from + c];
                if (out[from + c] > out[from + best]) {
                    best = c;
                }
            }
            predicted[i] = best;
        } else {
            outputs[0][i] = out[from];
        }
    }

    /** Appends row {@code row} of a decoded request frame and its predictions. */
    void addFrameRow(long id, long atMs, long latencyMicros, Column[] columns, Column keyColumn, Predictions predictions, int row) {
        int i = next();
        number[i] = id;
        at[i] = atMs;
        latency[i] = latencyMicros;
        for (int s = 0; s < width; s++) {
            Column c = columns[s];
            boolean missing = c == null || c.isMissing(row);
            switch (layout.kind(s)) {
                case NUMERIC -> values[s][i] = missing ? Double.NaN
                        : c instanceof NumericColumn n ? n.get(row) : Values.parseNumber(c.format(row));
                case CATEGORICAL -> codes[s][i] = missing ? CategoricalColumn.MISSING : code(s, c.format(row));
                case BOOLEAN -> codes[s][i] = missing ? CategoricalColumn.MISSING
                        : c instanceof CategoricalColumn b && b.kind() == ColumnKind.BOOLEAN ? b.code(row)
                        : "true".equalsIgnoreCase(c.format(row)) ? 1 : 0;
                case TIMESTAMP -> times[s][i] = missing ? TimestampColumn.MISSING
                        : c instanceof TimestampColumn t ? t.get(row) : Values.parseTimestamp(c.format(row));
                case TEXT -> texts[s][i] = missing ? null : c.format(row);
            }
        }
        keys[i] = keyColumn == null || keyColumn.isMissing(row) ? null : keyColumn.format(row);
        if (layout.classification()) {
            for (int c = 0; c < outputs.length && c < predictions.classes().size(); c++) {
                outputs[c][i] = predictions.probability(row, c);
            }
            String label = predictions.label(row);
            Integer k = classIndex.get(label);
            if (k == null) {
                k = classes.size();
                classes.add(label);
                classIndex.put(label, k);
            }
            predicted[i] = k;
        } else {
            outputs[0][i] = predictions.value(row);
        }
    }

    private String format(int slot, int i) {
        return switch (layout.kind(slot)) {
            case NUMERIC -> Double.isNaN(values[slot][i]) ? null : NumericColumn.wrap("k", new double[] {values[slot][i]}).format(0);
            case CATEGORICAL, BOOLEAN -> codes[slot][i] < 0 ? null : levels.get(slot).get(codes[slot][i]);
            case TIMESTAMP -> times[slot][i] == TimestampColumn.MISSING ? null : TimestampColumn.of("k", new long[] {times[slot][i]}).format(0);
            case TEXT -> texts[slot][i];
        };
    }

    /** The code of {@code label} in slot {@code s}, adding it as a level when the model never saw it. */
    private int code(int s, String label) {
        if (label == null) {
            return CategoricalColumn.MISSING;
        }
        Map<String, Integer> index = levelIndex.get(s);
        if (index == null) {
            index = new HashMap<>();
            List<String> known = levels.get(s);
            for (int k = 0; k < known.size(); k++) {
                index.putIfAbsent(known.get(k), k);
            }
            levelIndex.set(s, index);
        }
        Integer code = index.get(label);
        if (code == null) {
            code = levels.get(s).size();
            levels.get(s).add(label);
            index.put(label, code);
        }
        return code;
    }

    private int next() {
        if (size == capacity) {
            capacity *= 2;
            number = Arrays.copyOf(number, capacity);
            at = Arrays.copyOf(at, capacity);
            latency = Arrays.copyOf(latency, capacity);
            keys = Arrays.copyOf(keys, capacity);
            predicted = Arrays.copyOf(predicted, capacity);
            for (int s = 0; s < width; s++) {
                if (values[s] != null) {
                    values[s] = Arrays.copyOf(values[s], capacity);
                }
                if (codes[s] != null) {
                    codes[s] = Arrays.copyOf(codes[s], capacity);
                }
                if (times[s] != null) {
                    times[s] = Arrays.copyOf(times[s], capacity);
                }
                if (texts[s] != null) {
                    texts[s] = Arrays.copyOf(texts[s], capacity);
                }
            }
            for (int c = 0; c < outputs.length; c++) {
                outputs[c] = Arrays.copyOf(outputs[c], capacity);
            }
        }
        return size++;
    }

    /** The batch frame of the rows added so far. */
    Frame build() {
        int n = size;
        List<Column> columns = new ArrayList<>();
        columns.add(NumericColumn.wrap(LogColumns.NUMBER, Arrays.copyOf(number, n)));
        columns.add(NumericColumn.wrap(LogColumns.AT, Arrays.copyOf(at, n)));
        columns.add(NumericColumn.wrap(LogColumns.LATENCY, Arrays.copyOf(latency, n)));
        columns.add(TextColumn.of(LogColumns.KEY, Arrays.copyOf(keys, n)));
        if (layout.classification()) {
            columns.add(CategoricalColumn.of(LogColumns.PREDICTION, Arrays.copyOf(predicted, n), classes));
            for (int c = 0; c < outputs.length && c < layout.classes().size(); c++) {
                columns.add(NumericColumn.wrap(LogColumns.PROBABILITY + layout.classes().get(c), Arrays.copyOf(outputs[c], n)));
            }
        } else {
            columns.add(NumericColumn.wrap(LogColumns.PREDICTION, Arrays.copyOf(outputs[0], n)));
        }
        for (int s = 0; s < width; s++) {
            String name = layout.name(s);
            if (LogColumns.isLogColumn(name)) {
                continue;
            }
            columns.add(switch (layout.kind(s)) {
                case NUMERIC -> NumericColumn.wrap(name, Arrays.copyOf(values[s], n));
                case CATEGORICAL -> CategoricalColumn.of(name, Arrays.copyOf(codes[s], n), levels.get(s));
                case BOOLEAN -> CategoricalColumn.ofBooleans(name, Arrays.copyOf(codes[s], n));
                case TIMESTAMP -> TimestampColumn.of(name, Arrays.copyOf(times[s], n));
                case TEXT -> TextColumn.of(name, Arrays.copyOf(texts[s], n));
            });
        }
        return Frame.of(columns);
    }
}
