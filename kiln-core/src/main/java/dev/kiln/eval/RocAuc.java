package dev.kiln.eval;

import dev.kiln.data.Checks;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import java.util.Arrays;

/**
 * Area under the ROC curve by the Mann–Whitney U statistic: the probability that a random positive row
 * scores above a random negative one, ties counting one half. Tied scores get the average of their ranks
 * (Hanley &amp; McNeil, 1982). Multiclass is the unweighted mean of one-vs-rest AUCs over the classes that
 * have both positive and negative rows. O(n log n) per class.
 */
final class RocAuc {
    private RocAuc() {
    }

    static double of(Predictions predictions, int[] trueClass) {
        if (predictions.task() == Task.BINARY) {
            return oneVsRest(predictions, trueClass, ConfusionMatrix.POSITIVE);
        }
        double sum = 0.0;
        int defined = 0;
        for (int c = 0; c < predictions.classes().size(); c++) {
            double auc = oneVsRest(predictions, trueClass, c);
            if (!Double.isNaN(auc)) {
                sum += auc;
                defined++;
            }
        }
        return defined == 0 ? Double.NaN : sum / defined;
    }

    /**
     * One-vs-rest ROC-AUC ({@code averagePrecision} false) or average precision (true) per class, averaged with
     * each class weighted by its true row count ({@code weighted}) or equally; classes whose score is undefined
     * are left out. For binary predictions, the positive class's score.
     */
    static double ofClasses(Predictions predictions, int[] trueClass, boolean weighted, boolean averagePrecision) {
        if (predictions.task() == Task.BINARY) {
            return score(predictions, trueClass, ConfusionMatrix.POSITIVE, averagePrecision);
        }
        int k = predictions.classes().size();
        long[] support = new long[k];
        for (int c : trueClass) {
            support[c]++;
        }
        double sum = 0.0;
        double weights = 0.0;
        for (int c = 0; c < k; c++) {
            double value = score(predictions, trueClass, c, averagePrecision);
            if (!Double.isNaN(value)) {
                double weight = weighted ? support[c] : 1.0;
                sum += weight * value;
                weights += weight;
            }
        }
        return weights == 0 ? Double.NaN : sum / weights;
    }

    private static double score(Predictions predictions, int[] trueClass, int positive, boolean averagePrecision) {
        if (!averagePrecision) {
            return oneVsRest(predictions, trueClass, positive);
        }
        boolean[] isPositive = new boolean[trueClass.length];
        for (int i = 0; i < trueClass.length; i++) {
            isPositive[i] = trueClass[i] == positive;
        }
        return RankingCurves.averagePrecision(predictions.probabilitiesOf(positive), isPositive);
    }

    /** AUC of class {@code positive} against all others; NaN when either side has no rows. */
    static double oneVsRest(Predictions predictions, int[] trueClass, int positive) {
        double[] scores = predictions.probabilitiesOf(positive);
        boolean[] isPositive = new boolean[trueClass.length];
        for (int i = 0; i < trueClass.length; i++) {
            isPositive[i] = trueClass[i] == positive;
        }
        return mannWhitney(scores, isPositive);
    }

    /** AUC of {@code scores} for rows flagged {@code isPositive}; NaN when either class is absent. */
    static double mannWhitney(double[] scores, boolean[] isPositive) {
        int n = scores.length;
        double[] sorted = new double[n];
        long positives = 0;
        for (int i = 0; i < n; i++) {
            Checks.checkArgument(!Double.isNaN(scores[i]), "score of row %s is NaN", i);
            sorted[i] = scores[i] + 0.0; // turns -0.0 into 0.0 so that the two tie
            if (isPositive[i]) {
                positives++;
            }
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        Arrays.sort(sorted);
        double positiveRankSum = 0.0;
        for (int i = 0; i < n; i++) {
            if (isPositive[i]) {
                positiveRankSum += averageRank(sorted, scores[i] + 0.0);
            }
        }
        double u = positiveRankSum - positives * (positives + 1) / 2.0;
        return u / ((double) positives * negatives);
    }

    /** The 1-based average rank of {@code value} in {@code sorted}: ranks below+1 .. below+ties, averaged. */
    private static double averageRank(double[] sorted, double value) {
        int below = firstIndexNotBelow(sorted, value);
        int atOrBelow = firstIndexAbove(sorted, value);
        return (below + 1 + atOrBelow) / 2.0;
    }

    private static int firstIndexNotBelow(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int firstIndexAbove(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
