package dev.kiln.learn;

import dev.kiln.data.Frame;
import java.util.concurrent.ForkJoinPool;

/**
 * Batch predictions of a model that scores one row at a time: the frame's feature rows go through
 * {@link Model#predictRow} in blocks on the common fork/join pool, so every row gets exactly the bits the one-row
 * path gives it, whatever the thread count. For models whose {@code predictRow} is thread-safe (all of them: models
 * are immutable).
 */
public final class RowByRow {
    /** Below this many rows the loop runs on the caller's thread alone. */
    private static final int PARALLEL_ROWS = 4_096;

    private RowByRow() {
    }

    /** The predictions of {@code model} for every row of {@code frame} (the model's feature columns taken by name). */
    public static Predictions predict(Model model, Frame frame) {
        FeatureMatrix matrix = FeatureMatrix.of(frame, model.features());
        int n = matrix.rows();
        int width = Math.max(1, model.classes().size());
        double[] results = new double[n * width];
        ForkJoinPool pool = n >= PARALLEL_ROWS ? ForkJoinPool.commonPool() : null;
        ParallelLoop.run(pool, n, Math.max(1, n / PARALLEL_ROWS), (part, from, to) -> {
            double[] x = new double[model.features().size()];
            double[] out = new double[width];
            for (int i = from; i < to; i++) {
                matrix.row(i, x);
                model.predictRow(x, out);
                System.arraycopy(out, 0, results, i * width, width);
            }
        });
        return model.task().isClassification() ? Predictions.ofProbabilities(model.task(), model.classes(), results)
                : Predictions.ofValues(results);
    }
}
