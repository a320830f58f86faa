package dev.kiln.eval;

import dev.kiln.data.Checks;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.ParallelLoop;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

/**
 * Permutation importance (Breiman 2001; Fisher, Rudin &amp; Dominici 2019) for any predictor: the score on the rows
 * as given minus the score with one column's values shuffled across rows, averaged over repeats, signed so that a
 * positive value means the column helps (for losses the increase). Works on raw input columns, so a pipeline's
 * derived features count under the column they come from.
 *
 * <p>Deterministic: the shuffle of column {@code j}, repeat {@code r} is seeded by (seed, j, r) alone, so results
 * do not depend on the pool or thread count. Columns are scored in parallel on {@code pool} when given.
 * Cost: columns × repeats predictions of all rows.
 */
public final class PermutationImportance {
    private PermutationImportance() {
    }

    /**
     * The importance of each of {@code columns} of {@code input}, most important first (ties in input order).
     *
     * @param predict the predictor, such as {@code pipeline::predict}; must be thread-safe when {@code pool} is given
     * @param repeats shuffles per column, at least 1
     */
    public static List<FeatureImportance> of(Function<Frame, Predictions> predict, Frame input, List<String> columns,
            Truth truth, Metric metric, int repeats, long seed, ForkJoinPool pool) {
        Checks.checkArgument(repeats >= 1, "repeats must be >= 1: %s", repeats);
        Checks.checkArgument(truth.size() == input.rowCount(), "truth has %s rows but the input has %s", truth.size(),
                input.rowCount());
        double base = truth.score(metric, predict.apply(input));
        double sign = metric.higherIsBetter() ? 1.0 : -1.0;
        FeatureImportance[] out = new FeatureImportance[columns.size()];
        int parts = pool == null ? 1 : Math.min(columns.size(), pool.getParallelism());
        ParallelLoop.run(pool, columns.size(), Math.max(1, parts), (part, from, to) -> {
            for (int j = from; j < to; j++) {
                Column column = input.column(columns.get(j));
                double[] drops = new double[repeats];
                for (int r = 0; r < repeats; r++) {
                    int[] order = identity(input.rowCount());
                    new SplitMix64(mix(seed, j, r)).shuffle(order, 0, order.length);
                    double score = truth.score(metric, predict.apply(input.with(column.take(order))));
                    drops[r] = sign * (base - score);
                }
                out[j] = new FeatureImportance(columns.get(j), mean(drops), std(drops));
            }
        });
        List<FeatureImportance> sorted = new ArrayList<>(List.of(out));
        sorted.sort(Comparator.comparingDouble((FeatureImportance f) -> -f.mean()));
        return List.copyOf(sorted);
    }

    static long mix(long seed, int column, int repeat) {
        return seed ^ (0x9e3779b97f4a7c15L * (column + 1)) ^ (0xc2b2ae3d27d4eb4fL * (repeat + 1));
    }

    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Population standard deviation, as scikit-learn's {@code permutation_importance} reports it. */
    static double std(double[] values) {
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / values.length);
    }
}
