package dev.kiln.learn.forest;


/**
 * The out-of-bag score of a bootstrapped forest: each training row is predicted by the trees whose
 * sample missed it (mean of their leaf values), and the score is the accuracy (classification) or
 * R² (regression) over the rows that at least one tree missed. The trees recorded which leaf each
 * row they missed reached while they grew, so scoring walks no tree. Deterministic: each row sums its
 * trees in tree order. Stateless.
 */
final class OutOfBag {
    private OutOfBag() {
    }

    /** The score over {@code n} training rows, from the leaves each tree's missed rows reached. */
    static double score(ForestTree[] trees, int n, int width, int[] labels, double[] targets) {
        double[] sums = new double[n * width];
        int[] counts = new int[n];
        for (ForestTree tree : trees) { // tree order: each row adds its trees in the same order, whatever the threads
            tree.addOutOfBag(sums, counts);
        }
        double[] predictions = new double[n * width];
        boolean[] covered = new boolean[n];
        for (int i = 0; i < n; i++) {
            covered[i] = counts[i] > 0;
            for (int k = 0; k < width; k++) {
                predictions[i * width + k] = counts[i] > 0 ? sums[i * width + k] / counts[i] : 0;
            }
        }
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
