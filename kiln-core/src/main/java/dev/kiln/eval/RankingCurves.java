package dev.kiln.eval;

import dev.kiln.data.Checks;
import java.util.Arrays;

/**
 * ROC and precision–recall curves of a score against binary truth, and the average precision. Thresholds run
 * over the distinct scores from the highest down, tied scores moving together, as scikit-learn's
 * {@code roc_curve(drop_intermediate=False)} and {@code precision_recall_curve}. O(n log n); stateless.
 */
public final class RankingCurves {
    private RankingCurves() {
    }

    /** Cumulative true and false positives at each distinct threshold (highest first). */
    private record Steps(double[] thresholds, long[] truePositives, long[] falsePositives, long positives, long negatives) {
    }

    private static Steps steps(double[] scores, boolean[] isPositive) {
        int n = scores.length;
        Checks.checkArgument(isPositive.length == n, "truth has %s rows but scores have %s", isPositive.length, n);
        Integer[] order = new Integer[n];
        long positives = 0;
        for (int i = 0; i < n; i++) {
            Checks.checkArgument(!Double.isNaN(scores[i]), "score of row %s is NaN", i);
            order[i] = i;
            positives += isPositive[i] ? 1 : 0;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b] + 0.0, scores[a] + 0.0));
        double[] thresholds = new double[n];
        long[] tp = new long[n];
        long[] fp = new long[n];
        int distinct = 0;
        long truePositives = 0;
        long falsePositives = 0;
        for (int i = 0; i < n; i++) {
            int row = order[i];
            if (isPositive[row]) {
                truePositives++;
            } else {
                falsePositives++;
            }
            boolean lastOfTie = i == n - 1 || scores[order[i + 1]] + 0.0 != scores[row] + 0.0;
            if (lastOfTie) {
                thresholds[distinct] = scores[row];
                tp[distinct] = truePositives;
                fp[distinct] = falsePositives;
                distinct++;
            }
        }
        return new Steps(Arrays.copyOf(thresholds, distinct), Arrays.copyOf(tp, distinct), Arrays.copyOf(fp, distinct),
                positives, n - positives);
    }

    /** The ROC curve from (0, 0) (threshold +∞) through every distinct threshold to (1, 1). */
    public static Curve roc(double[] scores, boolean[] isPositive) {
        Steps s = steps(scores, isPositive);
        int m = s.thresholds.length;
        double[] fpr = new double[m + 1];
        double[] tpr = new double[m + 1];
        double[] thresholds = new double[m + 1];
        thresholds[0] = Double.POSITIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            fpr[i + 1] = s.negatives == 0 ? Double.NaN : (double) s.falsePositives[i] / s.negatives;
            tpr[i + 1] = s.positives == 0 ? Double.NaN : (double) s.truePositives[i] / s.positives;
            thresholds[i + 1] = s.thresholds[i];
        }
        return new Curve(fpr, tpr, thresholds);
    }

    /**
     * The precision–recall curve: one point per distinct threshold, highest first, then the end point
     * (recall 0, precision 1, threshold NaN) as scikit-learn appends it (in reverse order there).
     */
    public static Curve precisionRecall(double[] scores, boolean[] isPositive) {
        Steps s = steps(scores, isPositive);
        int m = s.thresholds.length;
        double[] recall = new double[m + 1];
        double[] precision = new double[m + 1];
        double[] thresholds = new double[m + 1];
        recall[0] = 0.0;
        precision[0] = 1.0;
        thresholds[0] = Double.NaN;
        for (int i = 0; i < m; i++) {
            recall[i + 1] = s.positives == 0 ? Double.NaN : (double) s.truePositives[i] / s.positives;
            precision[i + 1] = (double) s.truePositives[i] / (s.truePositives[i] + s.falsePositives[i]);
            thresholds[i + 1] = s.thresholds[i];
        }
        return new Curve(recall, precision, thresholds);
    }

    /**
     * Average precision: Σ (R_t − R_{t−1}) · P_t over distinct thresholds from the highest down, the step-wise
     * area under the precision–recall curve (scikit-learn's {@code average_precision_score}, no interpolation).
     * NaN when there are no positive rows.
     */
    public static double averagePrecision(double[] scores, boolean[] isPositive) {
        Steps s = steps(scores, isPositive);
        if (s.positives == 0) {
            return Double.NaN;
        }
        double sum = 0.0;
        double previousRecall = 0.0;
        for (int i = 0; i < s.thresholds.length; i++) {
            double recall = (double) s.truePositives[i] / s.positives;
            double precision = (double) s.truePositives[i] / (s.truePositives[i] + s.falsePositives[i]);
            sum += (recall - previousRecall) * precision;
            previousRecall = recall;
        }
        return sum;
    }
}
