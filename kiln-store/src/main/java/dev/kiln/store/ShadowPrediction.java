package dev.kiln.store;

import java.util.Objects;

/**
 * What another version of a model (a challenger in shadow mode) predicted for the inputs of a logged prediction,
 * without answering the client; with the true label once feedback arrived. Immutable.
 *
 * @param label the true label of the logged prediction, or null (filled in when read)
 */
public record ShadowPrediction(String predictionId, String model, int version, String prediction, String outputs,
                               String label) {
    public ShadowPrediction {
        Objects.requireNonNull(predictionId, "predictionId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(outputs, "outputs");
    }
}
