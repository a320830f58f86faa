package dev.kiln.learn;

import dev.kiln.data.Frame;
import java.util.Map;

/**
 * An unfitted learning algorithm: a typed, immutable parameter record and nothing learned. {@code fit}
 * leaves the learner and the frame unchanged and keeps no reference to the frame.
 *
 * <p>The frame holds numeric feature columns and the target: a categorical column for classification
 * (its levels are the classes), a numeric one for regression. The same seed gives the same model,
 * whatever {@link TrainOptions#threads()}.
 */
public interface Learner<M extends Model> {

    /** The learner's name as used in specs and on the command line, for instance {@code logistic}. */
    String name();

    /** The hyper-parameters by their spec names, for records and reports. */
    Map<String, Object> params();

    M fit(Frame train, TrainOptions options);
}
