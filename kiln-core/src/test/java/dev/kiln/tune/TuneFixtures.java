package dev.kiln.tune;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.eval.Fold;
import dev.kiln.eval.Folds;
import dev.kiln.eval.Metric;
import dev.kiln.learn.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Cross-validations over already numeric test frames (no preparation needed), for the tuning tests. */
final class TuneFixtures {
    private TuneFixtures() {
    }

    /** {@code k}-fold cross-validation of {@code frame} (target {@code y}) ranked by {@code metric}. */
    static CrossValidation cv(Frame frame, Task task, Metric metric, int k, long seed) {
        List<FoldData> folds = new ArrayList<>();
        List<String> classes = task.isClassification() ? frame.categorical("y").levels() : List.of();
        for (Fold fold : Folds.kFold(frame.rowCount(), k, seed)) {
            Frame train = frame.take(fold.train());
            Frame validation = frame.take(fold.validation()).drop(List.of("y"));
            if (task.isClassification()) {
                int[] codes = ((CategoricalColumn) frame.take(fold.validation()).column("y")).toCodes();
                folds.add(new FoldData(fold.index(), train, validation, fold.validation(), codes, null));
            } else {
                double[] values = ((NumericColumn) frame.take(fold.validation()).column("y")).toArray();
                folds.add(new FoldData(fold.index(), train, validation, fold.validation(), null, values));
            }
        }
        return new CrossValidation(folds, "y", task, classes, metric, frame.rowCount());
    }

    /** A finished trial with a given point and score, for sampler and pruner tests. */
    static Trial trial(int index, Map<String, String> params, double... foldScores) {
        List<Map<String, Double>> folds = new ArrayList<>();
        for (double score : foldScores) {
            folds.add(Map.of("rmse", score));
        }
        CvResult cv = CvResult.of(folds);
        return new Trial(index, "gbm", params, 1, TrialStatus.COMPLETE, cv, cv.mean("rmse"), cv.std("rmse"), 0, 0, null, null);
    }
}
