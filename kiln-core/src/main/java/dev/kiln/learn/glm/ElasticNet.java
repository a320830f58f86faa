package dev.kiln.learn.glm;

import dev.kiln.learn.ParallelLoop;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

/**
 * The lasso, ridge and elastic-net fits of {@link LinearLearner}, scikit-learn's {@code ElasticNet}
 * objective {@code (1/2n) ‖y - Xw - b‖² + α ρ ‖w‖₁ + ½ α (1 - ρ) ‖w‖²} on the original-scale
 * coefficients {@code w} ({@code ρ} = {@code l1_ratio}), solved by {@link CoordinateDescent} on
 * standardised features with the penalty weights {@code 1/s_j} and {@code 1/s_j²} that move it to
 * the original scale. The solution at {@code α} is reached along a geometric path from
 * {@code α_max} (the smallest penalty with every coefficient 0) with warm starts, as glmnet does.
 * With cross-validation, every fold follows the path of {@code path_length} penalties from
 * {@code α_max} of all rows down to {@code lambda_min_ratio × α_max}; the penalty with the least
 * summed validation squared error (the larger on ties) is kept and refitted on all rows.
 *
 * <p>Uses {@link CovarianceUpdates} when the rows outnumber the features and there are at most
 * {@value #MAX_GRAM_FEATURES} of them, {@link ResidualUpdates} otherwise. Deterministic: folds come
 * from the seed, run in parallel with one result each, and are summed in fold order.
 */
final class ElasticNet {
    private static final int MAX_GRAM_FEATURES = 2_000;
    private final LinearParams params;

    /** Original-scale coefficients and intercept, the penalty they were fitted at, and whether every solve converged. */
    record Solution(double[] coefficients, double intercept, double alpha, boolean converged) {
    }

    ElasticNet(LinearParams params) {
        this.params = params;
    }

    /** Fits on {@code columns} (feature-major, not modified) and {@code y}: at {@code alpha}, or at the cross-validated one. */
    Solution fit(double[][] columns, double[] y, long seed, int threads) {
        if (params.cvFolds() == 0) {
            Path path = new Path(columns, y);
            return path.solveAlong(path.gridTo(params.alpha()));
        }
        Path full = new Path(columns, y);
        if (full.lambdaMax == 0) {
            return full.solveAlong(new double[] {0});
        }
        double[] grid = geometric(full.lambdaMax, full.lambdaMax * params.lambdaMinRatio(), params.pathLength());
        double[] errors = crossValidate(columns, y, grid, seed, threads);
        int best = 0;
        for (int k = 1; k < grid.length; k++) {
            if (errors[k] < errors[best]) {
                best = k;
            }
        }
        double[] prefix = new double[best + 1];
        System.arraycopy(grid, 0, prefix, 0, prefix.length);
        return full.solveAlong(prefix);
    }

    /** The summed validation squared error at each penalty of {@code grid}, over the folds. */
    private double[] crossValidate(double[][] columns, double[] y, double[] grid, long seed, int threads) {
        int folds = params.cvFolds();
        int[] fold = assignFolds(y.length, folds, seed);
        double[][] errors = new double[folds][grid.length];
        ForkJoinPool pool = threads > 1 ? new ForkJoinPool(Math.min(threads, folds)) : null;
        try {
            ParallelLoop.run(pool, folds, folds, (part, from, to) -> {
                for (int f = from; f < to; f++) {
                    foldErrors(columns, y, fold, f, grid, errors[f]);
                }
            });
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
        double[] total = new double[grid.length];
        for (int f = 0; f < folds; f++) {
            for (int k = 0; k < grid.length; k++) {
                total[k] += errors[f][k];
            }
        }
        return total;
    }

    private void foldErrors(double[][] columns, double[] y, int[] fold, int f, double[] grid, double[] errors) {
        int validCount = 0;
        for (int value : fold) {
            validCount += value == f ? 1 : 0;
        }
        int trainCount = y.length - validCount;
        double[][] train = new double[columns.length][trainCount];
        double[] yTrain = new double[trainCount];
        int[] validRows = new int[validCount];
        int t = 0;
        int v = 0;
        for (int i = 0; i < y.length; i++) {
            if (fold[i] == f) {
                validRows[v++] = i;
            } else {
                for (int j = 0; j < columns.length; j++) {
                    train[j][t] = columns[j][i];
                }
                yTrain[t++] = y[i];
            }
        }
        Path path = new Path(train, yTrain);
        double previous = grid[0];
        for (int k = 0; k < grid.length; k++) {
            path.descent.solve(grid[k], previous);
            previous = grid[k];
            Solution solution = path.solution(grid[k]);
            double[] w = solution.coefficients();
            double sum = 0;
            for (int row : validRows) {
                double prediction = solution.intercept();
                for (int j = 0; j < w.length; j++) {
                    prediction += w[j] * columns[j][row];
                }
                double residual = y[row] - prediction;
                sum += residual * residual;
            }
            errors[k] = sum;
        }
    }

    /** Rows dealt to {@code folds} folds in a seeded random order, so fold sizes differ by at most one. */
    static int[] assignFolds(int n, int folds, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[order[i]] = i % folds;
        }
        return fold;
    }

    /** {@code count} values from {@code from} down to {@code to}, evenly spaced on a log scale. */
    static double[] geometric(double from, double to, int count) {
        if (count == 1 || from <= to) {
            return new double[] {to};
        }
        double[] grid = new double[count];
        double ratio = Math.log(to / from) / (count - 1);
        for (int k = 0; k < count; k++) {
            grid[k] = from * Math.exp(ratio * k);
        }
        grid[count - 1] = to;
        return grid;
    }

    /** One standardised problem and its solver, moved along a path. */
    private final class Path {
        final Standardization standardization;
        final double yMean;
        final CoordinateDescent descent;
        final double lambdaMax;

        Path(double[][] columns, double[] y) {
            int n = y.length;
            int p = columns.length;
            standardization = Standardization.of(columns);
            double[][] z = standardization.apply(columns);
            double sum = 0;
            for (double v : y) {
                sum += v;
            }
            yMean = sum / n;
            double[] centred = new double[n];
            double variance = 0;
            for (int i = 0; i < n; i++) {
                centred[i] = y[i] - yMean;
                variance += centred[i] * centred[i];
            }
            variance /= n;
            CoordinateUpdates updates = n > p && p <= MAX_GRAM_FEATURES ? new CovarianceUpdates(z, centred)
                    : new ResidualUpdates(z, centred);
            double[] l1Weights = new double[p];
            double[] l2Weights = new double[p];
            for (int j = 0; j < p; j++) {
                double scale = standardization.scale(j);
                l1Weights[j] = 1 / scale;
                l2Weights[j] = 1 / (scale * scale);
            }
            lambdaMax = CoordinateDescent.lambdaMax(updates, l1Weights, params.l1Ratio());
            double threshold = params.tolerance() * (variance > 0 ? variance : 1);
            descent = new CoordinateDescent(updates, l1Weights, l2Weights, params.l1Ratio(), threshold, params.maxIter());
        }

        /** The path from {@code α_max} down to {@code alpha} ({@code alpha} alone when it is at least {@code α_max}). */
        double[] gridTo(double alpha) {
            return alpha >= lambdaMax ? new double[] {alpha} : geometric(lambdaMax, alpha, params.pathLength());
        }

        Solution solveAlong(double[] grid) {
            double previous = Math.max(grid[0], lambdaMax);
            for (double lambda : grid) {
                descent.solve(lambda, previous);
                previous = lambda;
            }
            return solution(grid[grid.length - 1]);
        }

        Solution solution(double alpha) {
            double[] coefficients = new double[standardization.size()];
            double intercept = standardization.toOriginalScale(descent.coefficients(), 0, yMean, coefficients, 0);
            return new Solution(coefficients, intercept, alpha, descent.converged());
        }
    }
}
