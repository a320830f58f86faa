package dev.kiln.store;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * A window of logged predictions of one model version in columnar form, oldest first, as {@link MonitorLog#window}
 * reads it: the log frame ({@link LogColumns} and the features), each row's id and, where feedback arrived, its
 * label. Drift and latency read the columns directly; {@link #labelled} and {@link #predictions} turn rows into
 * {@link LoggedPrediction}s for the readers that want them. Immutable.
 */
public final class LogWindow {
    private final String model;
    private final int version;
    private final Frame rows;
    private final String[] prefixes;
    private final String[] labels;
    private final long[] labelAt;

    LogWindow(String model, int version, Frame rows, String[] prefixes, String[] labels, long[] labelAt) {
        this.model = model;
        this.version = version;
        this.rows = rows;
        this.prefixes = prefixes;
        this.labels = labels;
        this.labelAt = labelAt;
    }

    static LogWindow empty(String model, int version) {
        return new LogWindow(model, version, null, new String[0], new String[0], new long[0]);
    }

    public String model() {
        return model;
    }

    public int version() {
        return version;
    }

    public int size() {
        return prefixes.length;
    }

    public boolean isEmpty() {
        return prefixes.length == 0;
    }

    /** Every column of the window's rows (empty frame when the window is). */
    public Frame rows() {
        return rows == null ? Frame.of(List.of()) : rows;
    }

    /** The logged feature columns, in the order the model's schema has them. */
    public Frame features() {
        return Frame.of(rows == null ? List.of() : LogColumns.features(rows));
    }

    /** The predictions as a column named {@code prediction}: labels (categorical) or values (numeric). */
    public Column predictions() {
        return rows == null ? NumericColumn.wrap("prediction", new double[0]) : rows.column(LogColumns.PREDICTION).rename("prediction");
    }

    public String id(int row) {
        return prefixes[row] + (long) rows.numeric(LogColumns.NUMBER).get(row);
    }

    public long atMs(int row) {
        return (long) rows.numeric(LogColumns.AT).get(row);
    }

    /** The latency of every row in microseconds. */
    public double[] latencyMicros() {
        return rows == null ? new double[0] : ((NumericColumn) rows.column(LogColumns.LATENCY)).toArray();
    }

    /** The true label of a row, or null while none has arrived. */
    public String label(int row) {
        return labels[row];
    }

    /** Rows [{@code from}, {@code to}) as a window of their own. */
    public LogWindow slice(int from, int to) {
        int[] take = new int[to - from];
        for (int i = 0; i < take.length; i++) {
            take[i] = from + i;
        }
        return new LogWindow(model, version, rows.take(take), java.util.Arrays.copyOfRange(prefixes, from, to),
                java.util.Arrays.copyOfRange(labels, from, to), java.util.Arrays.copyOfRange(labelAt, from, to));
    }

    /** The rows that have a label, as logged predictions, oldest first. */
    public List<LoggedPrediction> labelled() {
        List<LoggedPrediction> out = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            if (labels[i] != null) {
                out.add(prediction(i));
            }
        }
        return out;
    }

    /** Every row as a logged prediction, oldest first. */
    public List<LoggedPrediction> predictions(int limit) {
        List<LoggedPrediction> out = new ArrayList<>();
        for (int i = Math.max(0, size() - limit); i < size(); i++) {
            out.add(prediction(i));
        }
        return out;
    }

    /** Row {@code row} as a logged prediction, with its label if any. */
    public LoggedPrediction prediction(int row) {
        return MonitorLog.toPrediction(model, version, prefixes[row], rows, row, labels[row], labelAt[row]);
    }
}
