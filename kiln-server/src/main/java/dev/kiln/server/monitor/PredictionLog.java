package dev.kiln.server.monitor;

import dev.kiln.data.Frame;
import dev.kiln.learn.Predictions;

/**
 * Where the prediction endpoints hand each answered request for monitoring. {@link #record} decides whether the
 * request is sampled and, if so, queues it for writing and returns the id of its first row; it never blocks and
 * never throws on the request path.
 */
public interface PredictionLog {
    /** A log that keeps nothing. */
    PredictionLog OFF = new PredictionLog() {
        @Override
        public String record(String model, int version, Frame input, Predictions predictions, long latencyNanos) {
            return null;
        }

        @Override
        public double sampleRate(String model) {
            return 0;
        }
    };

    /** The share of {@code model}'s requests that {@link #record} keeps, in [0, 1]; 0 means none is ever logged. */
    default double sampleRate(String model) {
        return 1;
    }

    /**
     * Logs a request's rows (when sampled): the rows get consecutive ids, {@code PREFIX-N}, {@code PREFIX-(N+1)},
     * ...; returns the first, or null when the request is not logged. {@code input} and {@code predictions} are
     * immutable and may be read later, on another thread.
     */
    String record(String model, int version, Frame input, Predictions predictions, long latencyNanos);
}
