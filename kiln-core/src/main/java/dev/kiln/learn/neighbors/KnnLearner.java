package dev.kiln.learn.neighbors;

import dev.kiln.data.Frame;
import dev.kiln.learn.FeatureScaling;
import dev.kiln.learn.Learner;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.TrainingData;
import java.util.Map;

/**
 * k-nearest neighbours for classification (class shares among the neighbours, uniform or by inverse
 * distance) and regression (their mean, likewise weighted), as scikit-learn's
 * {@code KNeighborsClassifier}/{@code KNeighborsRegressor} with Euclidean distance. Fitting keeps the
 * (optionally standardised) training rows; the model indexes them in a {@link KdTree} in low dimension.
 * Ties in distance go to the lower training row, so results are deterministic; nothing is random and
 * nothing depends on the thread count. Immutable; {@link #fit} does not modify the frame.
 */
public final class KnnLearner implements Learner<KnnModel> {
    /** The learner name in specs. */
    public static final String NAME = "knn";
    private final KnnParams params;

    public KnnLearner(KnnParams params) {
        this.params = params;
    }

    public KnnLearner() {
        this(KnnParams.defaults());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> params() {
        return params.toMap();
    }

    @Override
    public KnnModel fit(Frame train, TrainOptions options) {
        TrainingData data = TrainingData.of(train, options);
        FeatureScaling scaling = FeatureScaling.fit(data.features(), params.standardize());
        double[] targets;
        if (options.task().isClassification()) {
            int[] labels = data.labels();
            targets = new double[labels.length];
            for (int i = 0; i < labels.length; i++) {
                targets[i] = labels[i];
            }
        } else {
            targets = data.targets();
        }
        return new KnnModel(options.task(), data.featureNames(), data.classes(), params, scaling,
                scaling.rowMajor(data.features()), targets);
    }
}
