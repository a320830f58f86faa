package dev.kiln.workflow;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.eval.Fold;
import dev.kiln.tune.FoldData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Fits the spec's preparation inside each cross-validation fold, on that fold's training rows only, and
 * applies it to the fold's validation rows: the guard against leakage that makes tuning scores honest
 * (imputation medians, encodings and selections never see a validation row). Folds are prepared side by
 * side on a fork/join pool; each fold's result depends only on its rows and the seed.
 */
final class FoldPreparer {
    private FoldPreparer() {
    }

    /**
     * @param features the raw feature rows the folds index (the training part of the data)
     * @param target their target, as {@link Problem} gives it
     * @param folds folds over {@code [0, features.rowCount())}
     */
    static List<FoldData> prepare(Frame features, Column target, List<Fold> folds, Spec.Prepare prepare, long seed, int threads) {
        List<FoldData> out = new ArrayList<>();
        if (threads <= 1 || folds.size() == 1) {
            for (int f = 0; f < folds.size(); f++) {
                out.add(prepareFold(features, target, folds.get(f), f, prepare, seed));
            }
            return out;
        }
        ForkJoinPool pool = new ForkJoinPool(Math.min(threads, folds.size()));
        try {
            List<ForkJoinTask<FoldData>> tasks = new ArrayList<>();
            for (int f = 0; f < folds.size(); f++) {
                int index = f;
                tasks.add(pool.submit(() -> prepareFold(features, target, folds.get(index), index, prepare, seed)));
            }
            for (ForkJoinTask<FoldData> task : tasks) {
                out.add(task.join());
            }
        } finally {
            pool.shutdown();
        }
        return out;
    }

    private static FoldData prepareFold(Frame features, Column target, Fold fold, int index, Spec.Prepare prepare, long seed) {
        int[] train = fold.train();
        int[] validation = fold.validation();
        Preparation prep = Preparation.fit(features.take(train), target.take(train), prepare, seed);
        Frame validationFeatures = prep.apply(features.take(validation));
        Column truth = target.take(validation);
        if (truth instanceof CategoricalColumn classes) {
            return new FoldData(index, prep.train(), validationFeatures, validation, classes.toCodes(), null);
        }
        return new FoldData(index, prep.train(), validationFeatures, validation, null, ((NumericColumn) truth).toArray());
    }
}
