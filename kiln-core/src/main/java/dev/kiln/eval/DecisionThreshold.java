package dev.kiln.eval;

import dev.kiln.data.Checks;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;
import java.util.Arrays;

/**
 * Chooses the decision threshold of a binary classifier on held-out rows: predict the positive class when its
 * probability is at least the threshold. Candidates are the distinct positive-class probabilities (and 1 + ε,
 * predicting no positives); the chosen one maximises F1, or minimises the total cost
 * {@code fpCost · FP + fnCost · FN}. Ties go to the candidate closest to 0.5, then the lower one. Stateless; O(n log n).
 */
public final class DecisionThreshold {
    private DecisionThreshold() {
    }

    /**
     * The chosen threshold and its score on the rows.
     *
     * @param threshold the probability from which the positive class is predicted
     * @param score the F1 reached (rule {@code f1}) or the total cost (rule {@code cost})
     */
    public record Choice(String rule, double threshold, double score) {
    }

    /** The threshold that maximises F1 of the positive class. */
    public static Choice forF1(Predictions predictions, int[] trueClass) {
        return choose(predictions, trueClass, "f1", 0, 0);
    }

    /** The threshold that minimises {@code fpCost · FP + fnCost · FN}; costs must be >= 0 and not both 0. */
    public static Choice forCosts(Predictions predictions, int[] trueClass, double fpCost, double fnCost) {
        Checks.checkArgument(fpCost >= 0 && fnCost >= 0 && fpCost + fnCost > 0,
                "costs must be >= 0 and not both 0: fp %s, fn %s", fpCost, fnCost);
        return choose(predictions, trueClass, "cost", fpCost, fnCost);
    }

    private static Choice choose(Predictions predictions, int[] trueClass, String rule, double fpCost, double fnCost) {
        Checks.checkArgument(predictions.task() == Task.BINARY, "a decision threshold needs a binary classifier");
        Checks.checkArgument(trueClass.length == predictions.size() && trueClass.length > 0,
                "need as many true classes as predictions, and at least one row");
        double[] p = predictions.probabilitiesOf(ConfusionMatrix.POSITIVE);
        int n = p.length;
        long positives = 0;
        double[] sortedPositive = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (trueClass[i] == ConfusionMatrix.POSITIVE) {
                positives++;
                sortedPositive[m++] = p[i];
            }
        }
        double[] sortedAll = p.clone();
        Arrays.sort(sortedAll);
        double[] positivesSorted = Arrays.copyOf(sortedPositive, m);
        Arrays.sort(positivesSorted);
        boolean f1 = rule.equals("f1");
        double bestThreshold = Double.NaN;
        double bestScore = Double.NaN;
        int i = 0;
        while (i <= n) {
            double t = i < n ? sortedAll[i] : Math.nextUp(1.0);
            long predictedPositive = n - i; // rows with p >= t
            long truePositive = m - lowerBound(positivesSorted, t);
            long falsePositive = predictedPositive - truePositive;
            long falseNegative = positives - truePositive;
            double score = f1 ? (2.0 * truePositive + falsePositive + falseNegative == 0 ? 0.0
                    : 2.0 * truePositive / (2.0 * truePositive + falsePositive + falseNegative))
                    : fpCost * falsePositive + fnCost * falseNegative;
            if (Double.isNaN(bestScore) || (f1 ? score > bestScore : score < bestScore)
                    || score == bestScore && Math.abs(t - 0.5) < Math.abs(bestThreshold - 0.5)) {
                bestScore = score;
                bestThreshold = t;
            }
            int j = i;
            while (j < n && sortedAll[j] == t) {
                j++;
            }
            i = i < n ? j : n + 1;
        }
        return new Choice(rule, bestThreshold, bestScore);
    }

    /** The first index of {@code sorted} whose value is not below {@code value}. */
    private static int lowerBound(double[] sorted, double value) {
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
}
