package dev.kiln.store;

import java.util.Objects;

/**
 * One logged prediction of a served model, as the prediction log keeps it, with its true label once feedback
 * has arrived. Immutable.
 *
 * @param id            the prediction id returned to the client
 * @param version       the model version that answered (0 for a bundle served from a folder)
 * @param atMs          when it was answered, epoch milliseconds (UTC)
 * @param latencyMicros how long the request took, decoding and predicting, in microseconds
 * @param inputs        the input features as a JSON object
 * @param prediction    the predicted class label, or the predicted value as text
 * @param outputs       the full output as JSON: {@code {"probabilities": {...}}} or {@code {"value": x}}
 * @param key           the value of the spec's key column, or null
 * @param label         the true label from feedback, or null while none has arrived
 * @param labelAtMs     when the label arrived, or 0
 */
public record LoggedPrediction(String id, String model, int version, long atMs, long latencyMicros, String inputs,
                               String prediction, String outputs, String key, String label, long labelAtMs) {
    public LoggedPrediction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(outputs, "outputs");
    }

    /** A prediction as it is logged: no label yet. */
    public static LoggedPrediction of(String id, String model, int version, long atMs, long latencyMicros, String inputs,
                                      String prediction, String outputs, String key) {
        return new LoggedPrediction(id, model, version, atMs, latencyMicros, inputs, prediction, outputs, key, null, 0);
    }

    public boolean labelled() {
        return label != null;
    }
}
