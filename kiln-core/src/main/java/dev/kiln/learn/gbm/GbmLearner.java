package dev.kiln.learn.gbm;

import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.learn.FeatureMatrix;
import dev.kiln.learn.Learner;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.TrainingData;
import dev.kiln.learn.tree.FeatureColumns;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Histogram gradient boosting (the approach of LightGBM, Ke et al. 2017, and XGBoost's {@code hist},
 * Chen and Guestrin 2016) for binary and multiclass classification and regression: features are
 * binned once, trees grow leaf-wise on gradient histograms with the subtraction trick, missing values
 * learn a default direction, and listed categorical features split by category sets.
 *
 * <p>Missing (NaN) feature values are accepted. Uses a {@link ForkJoinPool} of
 * {@link TrainOptions#threads()} workers; the same seed gives a bit-identical model whatever the
 * thread count. Immutable; {@link #fit} does not modify the frame and keeps no reference to it.
 */
public final class GbmLearner implements Learner<GbmModel> {
    private final GbmParams params;

    public GbmLearner(GbmParams params) {
        this.params = params;
    }

    public GbmLearner() {
        this(GbmParams.defaults());
    }

    @Override
    public String name() {
        return GbmModel.TYPE;
    }

    @Override
    public Map<String, Object> params() {
        return params.toMap();
    }

    @Override
    public GbmModel fit(Frame train, TrainOptions options) {
        Checks.checkArgument(train.has(options.target()), "target column '%s' is not in the frame (columns: %s)",
                options.target(), train.names());
        // the target alone through TrainingData (its checks and classes); the features straight from the frame
        TrainingData data = TrainingData.allowingMissing(train.select(List.of(options.target())), options);
        List<String> names = FeatureMatrix.featureNames(train, options.target());
        FeatureColumns columns = FeatureColumns.of(train, names);
        double[] y;
        if (options.task().isClassification()) {
            int[] labels = data.labels();
            y = new double[labels.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = labels[i];
            }
        } else {
            y = data.targets();
        }
        Loss loss = Loss.of(params.loss(), options.task(), data.classes().size(), params.huberDelta(), params.quantileAlpha());
        ForkJoinPool pool = options.threads() > 1 ? new ForkJoinPool(options.threads()) : null;
        try {
            Booster booster = new Booster(params, loss, options.seed(), pool, options.threads());
            // Boosting runs inside the pool, so each parallel step is a fork/join whose unstolen parts
            // the running thread does itself: no step waits for a parked worker to wake up.
            Booster.Result result = pool == null ? booster.train(columns, y)
                    : pool.invoke(ForkJoinTask.adapt(() -> booster.train(columns, y)));
            // covers come from the growth when every tree saw every row; else one walk of the rows through the trees
            return new GbmModel(options.task(), names, data.classes(), params, result.baseline(),
                    result.ensemble().hasCover() ? result.ensemble() : result.ensemble().withCover(columns, pool));
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
    }
}
