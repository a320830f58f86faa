package dev.kiln.store;

import dev.kiln.data.Frame;
import java.util.Objects;

/**
 * Logged predictions of one model version, in columnar form, as the prediction log's writer hands them to
 * {@link MonitorLog#append}: one row per prediction, the columns named in {@link LogColumns} (id number, time,
 * latency, key, prediction, class probabilities) beside the model's feature columns. The id of a row is
 * {@code idPrefix + number}. Immutable.
 */
public record PredictionBatch(String model, int version, String idPrefix, Frame rows) {
    public PredictionBatch {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(idPrefix, "idPrefix");
        Objects.requireNonNull(rows, "rows");
        if (!rows.has(LogColumns.NUMBER) || !rows.has(LogColumns.AT) || !rows.has(LogColumns.PREDICTION)) {
            throw new IllegalArgumentException("a prediction batch needs the columns " + LogColumns.NUMBER + ", "
                    + LogColumns.AT + " and " + LogColumns.PREDICTION + "; found " + rows.names());
        }
    }
}
