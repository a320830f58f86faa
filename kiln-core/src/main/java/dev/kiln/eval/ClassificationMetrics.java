package dev.kiln.eval;

import dev.kiln.learn.Predictions;

/** Accuracy and log loss: the classification metrics that need no confusion matrix or ranking. */
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
}
