package dev.kiln.explore;

import java.util.Arrays;

/**
 * Scores how well one binned feature predicts the target on its own: fitted on three rows in four,
 * scored on every fourth row (deterministic, so time-ordered data is interleaved rather than cut). The
 * predictor is the per-group target rate (smoothed towards the overall rate by one row) or mean. Also
 * measures "pure" groups: where at least 99% of the fitted rows (and at least 20) share one class that
 * holds at most 90% of all rows — the part of the data the feature alone decides. Stateless.
 */
final class SingleFeaturePredictor {
    static final int MIN_PURE_ROWS = 20;

    private SingleFeaturePredictor() {
    }

    /** {@code [score, pureCoverage, pureAccuracy]}; the score is ROC-AUC (binary), accuracy (multiclass) or R². */
    static double[] score(FeatureBins bins, TargetValues target) {
        return target.isClassification() ? classify(bins, target) : regress(bins, target.values());
    }

    private static boolean isHoldout(int row) {
        return row % 4 == 0;
    }

    private static double[] classify(FeatureBins bins, TargetValues target) {
        int k = target.classes().size();
        int[] y = target.codes();
        double[][] counts = new double[bins.count()][k];
        double[] totals = new double[k];
        int fitted = 0;
        for (int i = 0; i < y.length; i++) {
            if (!isHoldout(i) && y[i] >= 0) {
                counts[bins.codes()[i]][y[i]]++;
                totals[y[i]]++;
                fitted++;
            }
        }
        if (fitted == 0) {
            return new double[] {Double.NaN, 0, 0};
        }
        int[] majority = new int[bins.count()];
        boolean[] pure = new boolean[bins.count()];
        for (int b = 0; b < bins.count(); b++) {
            double rows = Arrays.stream(counts[b]).sum();
            int best = 0;
            for (int c = 1; c < k; c++) {
                best = counts[b][c] > counts[b][best] ? c : best;
            }
            majority[b] = rows == 0 ? argmax(totals) : best;
            pure[b] = rows >= MIN_PURE_ROWS && counts[b][best] >= 0.99 * rows && totals[best] <= 0.9 * fitted;
        }
        int tested = 0;
        int correct = 0;
        int inPure = 0;
        int pureCorrect = 0;
        double[] scores = new double[y.length];
        boolean[] positive = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
            if (!isHoldout(i) || y[i] < 0) {
                continue;
            }
            int b = bins.codes()[i];
            boolean right = majority[b] == y[i];
            tested++;
            correct += right ? 1 : 0;
            if (pure[b]) {
                inPure++;
                pureCorrect += right ? 1 : 0;
            }
            if (k == 2) {
                double rows = counts[b][0] + counts[b][1];
                scores[tested - 1] = (counts[b][1] + totals[1] / fitted) / (rows + 1);
                positive[tested - 1] = y[i] == 1;
            }
        }
        double score = k == 2 ? auc(Arrays.copyOf(scores, tested), Arrays.copyOf(positive, tested))
                : tested == 0 ? Double.NaN : (double) correct / tested;
        return new double[] {score, tested == 0 ? 0 : (double) inPure / tested, inPure == 0 ? 0 : (double) pureCorrect / inPure};
    }

    private static double[] regress(FeatureBins bins, double[] y) {
        double[] sums = new double[bins.count()];
        int[] counts = new int[bins.count()];
        double total = 0;
        int fitted = 0;
        for (int i = 0; i < y.length; i++) {
            if (!isHoldout(i) && !Double.isNaN(y[i])) {
                sums[bins.codes()[i]] += y[i];
                counts[bins.codes()[i]]++;
                total += y[i];
                fitted++;
            }
        }
        if (fitted == 0) {
            return new double[] {Double.NaN, 0, 0};
        }
        double mean = total / fitted;
        double residual = 0;
        double spread = 0;
        for (int i = 0; i < y.length; i++) {
            if (isHoldout(i) && !Double.isNaN(y[i])) {
                int b = bins.codes()[i];
                double predicted = counts[b] == 0 ? mean : sums[b] / counts[b];
                residual += (y[i] - predicted) * (y[i] - predicted);
                spread += (y[i] - mean) * (y[i] - mean);
            }
        }
        return new double[] {spread > 0 ? 1 - residual / spread : Double.NaN, 0, 0};
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            best = values[i] > values[best] ? i : best;
        }
        return best;
    }

    /** ROC-AUC by the Mann–Whitney statistic with average ranks for ties; NaN without both classes. */
    static double auc(double[] scores, boolean[] positive) {
        double[] ranks = Association.ranks(scores);
        double positiveRanks = 0;
        long positives = 0;
        for (int i = 0; i < scores.length; i++) {
            if (positive[i]) {
                positiveRanks += ranks[i];
                positives++;
            }
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRanks - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
