package dev.kiln.eval;

import dev.kiln.learn.Predictions;
import dev.kiln.learn.Task;

/** Accuracy, log loss and the Brier score: the classification metrics that need no confusion matrix or ranking. */
final class ClassificationMetrics {
    /** Probabilities are clipped to [EPSILON, 1 - EPSILON] before the log, as scikit-learn did up to 1.4. */
    static final double EPSILON = 1e-15;

    private ClassificationMetrics() {
    }

    static double accuracy(Predictions predictions, int[] trueClass) {
        int n = trueClass.length;
        if (n == 0) {
            return Double.NaN;
        }
        int correct = 0;
        for (int i = 0; i < n; i++) {
            if (predictions.classIndex(i) == trueClass[i]) {
                correct++;
            }
        }
        return (double) correct / n;
    }

    /** Mean of -log(p(true class)); probabilities are clipped but not renormalised. */
    static double logLoss(Predictions predictions, int[] trueClass) {
        int n = trueClass.length;
        if (n == 0) {
            return Double.NaN;
        }
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double p = predictions.probability(i, trueClass[i]);
            double clipped = Math.min(Math.max(p, EPSILON), 1.0 - EPSILON);
            sum -= Math.log(clipped);
        }
        return sum / n;
    }

    /**
     * Binary: mean of (p(positive) - [true class is positive])², scikit-learn's {@code brier_score_loss}. Multiclass:
     * mean over rows of Σ_k (p_k - [true class is k])², Brier's (1950) original score, in [0, 2].
     */
    static double brier(Predictions predictions, int[] trueClass) {
        int n = trueClass.length;
        if (n == 0) {
            return Double.NaN;
        }
        double sum = 0.0;
        if (predictions.task() == Task.BINARY) {
            for (int i = 0; i < n; i++) {
                double error = predictions.probability(i, ConfusionMatrix.POSITIVE) - (trueClass[i] == ConfusionMatrix.POSITIVE ? 1 : 0);
                sum += error * error;
            }
            return sum / n;
        }
        int k = predictions.classes().size();
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                double error = predictions.probability(i, c) - (trueClass[i] == c ? 1 : 0);
                sum += error * error;
            }
        }
        return sum / n;
    }
}
