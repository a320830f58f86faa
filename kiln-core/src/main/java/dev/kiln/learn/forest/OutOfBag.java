package dev.kiln.learn.forest;

import dev.kiln.learn.tree.ParallelLoop;
import dev.kiln.learn.tree.TreeEnsemble;
import java.util.concurrent.ForkJoinPool;

/**
 * The out-of-bag score of a bootstrapped forest: each training row is predicted by the trees whose
 * sample missed it (mean of their leaf values), and the score is the accuracy (classification) or
 * R² (regression) over the rows that at least one tree missed. Deterministic: each row sums its trees
 * in tree order. Stateless.
 */
final class OutOfBag {
    private static final int BLOCK = 1024;
    private OutOfBag() {
    }

    static double score(TreeEnsemble ensemble, ForestTree[] trees, double[][] columns, int[] labels, double[] targets,
            ForkJoinPool pool) {
        int n = columns[0].length;
        int width = ensemble.width();
        double[] predictions = new double[n * width];
        double[] sums = new double[n * width];
        boolean[] covered = new boolean[n];
        int[] counts = new int[n];
        // tree by tree over blocks of rows, so a tree's nodes stay in cache; each row still adds its
        // trees in tree order
        ParallelLoop.run(pool, n, Math.max(1, n / BLOCK), (part, from, to) -> {
            for (int t = 0; t < trees.length; t++) {
                for (int i = from; i < to; i++) {
                    if (!trees[t].inBag(i)) {
                        int leaf = ensemble.leaf(t, columns, i);
                        for (int k = 0; k < width; k++) {
                            sums[i * width + k] += ensemble.value(leaf, k);
                        }
                        counts[i]++;
                    }
                }
            }
            for (int i = from; i < to; i++) {
                covered[i] = counts[i] > 0;
                for (int k = 0; k < width; k++) {
                    predictions[i * width + k] = counts[i] > 0 ? sums[i * width + k] / counts[i] : 0;
                }
            }
        });
        return labels != null ? accuracy(predictions, covered, labels, width) : r2(predictions, covered, targets);
    }

    private static double accuracy(double[] predictions, boolean[] covered, int[] labels, int width) {
        int right = 0;
        int total = 0;
        for (int i = 0; i < covered.length; i++) {
            if (!covered[i]) {
                continue;
            }
            int best = 0;
            for (int k = 1; k < width; k++) {
                if (predictions[i * width + k] > predictions[i * width + best]) {
                    best = k;
                }
            }
            right += best == labels[i] ? 1 : 0;
            total++;
        }
        return total > 0 ? (double) right / total : Double.NaN;
    }

    private static double r2(double[] predictions, boolean[] covered, double[] targets) {
        double sum = 0;
        int total = 0;
        for (int i = 0; i < covered.length; i++) {
            if (covered[i]) {
                sum += targets[i];
                total++;
            }
        }
        if (total == 0) {
            return Double.NaN;
        }
        double mean = sum / total;
        double residual = 0;
        double spread = 0;
        for (int i = 0; i < covered.length; i++) {
            if (covered[i]) {
                residual += (targets[i] - predictions[i]) * (targets[i] - predictions[i]);
                spread += (targets[i] - mean) * (targets[i] - mean);
            }
        }
        return spread > 0 ? 1 - residual / spread : Double.NaN;
    }
}
