package dev.kiln.learn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Frame;
import java.util.List;

/**
 * A fitted predictor: immutable, thread-safe and deterministic, shared across request threads.
 * It reads the numeric columns named by {@link #features()}, in that order.
 */
public interface Model {

    Task task();

    /** The numeric input columns, in the order {@link #predictRow} expects them. */
    List<String> features();

    /** The class labels for classifiers (index = class code), empty for regression. */
    List<String> classes();

    /** Predictions for every row of {@code frame}; {@link IllegalArgumentException} naming a missing or non-numeric feature. */
    Predictions predict(Frame frame);

    /**
     * The single-row path: {@code x} holds the features in {@link #features()} order; writes class
     * probabilities into {@code out} (length = classes) or the predicted value into {@code out[0]}.
     * Allocates nothing.
     */
    void predictRow(double[] x, double[] out);

    /** The type name that the bundle uses to find this model's reader. */
    String type();

    /** The fitted state as JSON, with large arrays put in {@code arrays}. */
    ObjectNode toJson(BinaryArrays arrays);
}
