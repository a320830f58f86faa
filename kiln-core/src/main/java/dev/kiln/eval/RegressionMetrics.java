package dev.kiln.eval;

import dev.kiln.learn.Predictions;

/** RMSE, MAE and R²: regression metrics over predicted values and the truth. */
final class RegressionMetrics {
    private RegressionMetrics() {
    }

    static double rmse(Predictions predictions, double[] truth) {
        if (truth.length == 0) {
            return Double.NaN;
        }
        double sum = 0.0;
        for (int i = 0; i < truth.length; i++) {
            double error = predictions.value(i) - truth[i];
            sum += error * error;
        }
        return Math.sqrt(sum / truth.length);
    }

    static double mae(Predictions predictions, double[] truth) {
        if (truth.length == 0) {
            return Double.NaN;
        }
        double sum = 0.0;
        for (int i = 0; i < truth.length; i++) {
            sum += Math.abs(predictions.value(i) - truth[i]);
        }
        return sum / truth.length;
    }

    /**
     * 1 - SSres / SStot. When the truth is constant (SStot = 0) this is 1 for a perfect fit and 0 otherwise,
     * as scikit-learn's {@code r2_score} with {@code force_finite=True}.
     */
    static double r2(Predictions predictions, double[] truth) {
        int n = truth.length;
        if (n == 0) {
            return Double.NaN;
        }
        double mean = 0.0;
        for (double y : truth) {
            mean += y;
        }
        mean /= n;
        double residualSquares = 0.0;
        double totalSquares = 0.0;
        for (int i = 0; i < n; i++) {
            double residual = truth[i] - predictions.value(i);
            double deviation = truth[i] - mean;
            residualSquares += residual * residual;
            totalSquares += deviation * deviation;
        }
        if (totalSquares == 0.0) {
            return residualSquares == 0.0 ? 1.0 : 0.0;
        }
        return 1.0 - residualSquares / totalSquares;
    }
}
