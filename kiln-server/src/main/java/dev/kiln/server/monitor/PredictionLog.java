package dev.kiln.server.monitor;

import dev.kiln.data.Frame;
import dev.kiln.learn.Predictions;

/**
 * Where the prediction endpoints hand each answered request for monitoring. {@link #record} (a decoded frame) and
 * {@link #recordRow} (one raw row of the compiled one-record path) decide whether the request is sampled and, if
 * so, queue it for writing and return the id of its first row; they never block and never throw on the request
 * path.
 */
public interface PredictionLog {
    /** A log that keeps nothing. */
    PredictionLog OFF = new PredictionLog() {
        @Override
        public String record(LogLayout layout, Frame input, Predictions predictions, long latencyNanos) {
            return null;
        }

        @Override
        public String recordRow(LogLayout layout, double[] row, String[] texts, double[] outputs, String key, long latencyNanos) {
            return null;
        }

        @Override
        public double sampleRate(String model) {
            return 0;
        }
    };

    /** The share of {@code model}'s requests that are kept, in [0, 1]; 0 means none is ever logged. */
    default double sampleRate(String model) {
        return 1;
    }

    /**
     * Whether a logged request of {@code model} may come as a raw row ({@link #recordRow}); false while something
     * needs its decoded frame (a version scoring in shadow).
     */
    default boolean acceptsRows(String model) {
        return true;
    }

    /** The name of {@code model}'s key column, whose value the raw-row path must capture; null when none. */
    default String keyColumn(String model) {
        return null;
    }

    /**
     * Logs a request's rows (when sampled): the rows get consecutive ids, {@code PREFIX-N}, {@code PREFIX-(N+1)},
     * ...; returns the first, or null when the request is not logged. {@code input} and {@code predictions} are
     * immutable and may be read later, on another thread.
     */
    String record(LogLayout layout, Frame input, Predictions predictions, long latencyNanos);

    /**
     * Logs one raw row (when sampled), laid out as {@code layout} (codes of categorical slots index its levels;
     * {@code texts} holds the labels of unseen categories and text slots, else null), with the model's
     * {@code outputs} (class probabilities or the value) and the key column's value: copies them (the arrays are the
     * caller's to reuse) and returns the row's id, or null when not logged.
     */
    String recordRow(LogLayout layout, double[] row, String[] texts, double[] outputs, String key, long latencyNanos);
}
