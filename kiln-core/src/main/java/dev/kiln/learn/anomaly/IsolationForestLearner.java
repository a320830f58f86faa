package dev.kiln.learn.anomaly;

import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.learn.Learner;
import dev.kiln.learn.Task;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.UnsupervisedData;
import dev.kiln.prep.IsolationForest;
import java.util.Map;

/**
 * Anomaly detection by isolation forest (Liu, Ting and Zhou, 2008; see {@link IsolationForest}) for the
 * task {@code anomaly}: every column is a feature, there is no target. The threshold comes from the
 * training scores and {@link IsolationForestParams#contamination()}. Trees grow on
 * {@link TrainOptions#threads()} threads, each from a seed drawn in order from {@link TrainOptions#seed()},
 * so the model is the same for any thread count. Cost {@code O(trees × maxSamples × log maxSamples)} to
 * grow and {@code O(trees × log maxSamples)} per scored row. Immutable.
 */
public final class IsolationForestLearner implements Learner<IsolationForestModel> {
    private final IsolationForestParams params;

    public IsolationForestLearner(IsolationForestParams params) {
        this.params = params;
    }

    public IsolationForestLearner() {
        this(IsolationForestParams.defaults());
    }

    @Override
    public String name() {
        return IsolationForestModel.TYPE;
    }

    @Override
    public Map<String, Object> params() {
        return params.toMap();
    }

    @Override
    public IsolationForestModel fit(Frame train, TrainOptions options) {
        Checks.checkArgument(options.task() == Task.ANOMALY, "isolation_forest needs the anomaly task, got %s", options.task().label());
        UnsupervisedData data = UnsupervisedData.of(train, options);
        int n = data.rowCount();
        int d = data.columnCount();
        IsolationForest forest = IsolationForest.fit(data.rows(), n, d, params.trees(), params.maxSamples(), options.seed(),
                options.threads());
        double threshold = IsolationForest.threshold(forest.scores(data.rows(), n), params.contamination());
        return new IsolationForestModel(data.featureNames(), params, forest, threshold);
    }
}
