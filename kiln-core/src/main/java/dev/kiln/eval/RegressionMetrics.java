package dev.kiln.eval;

import dev.kiln.learn.Predictions;
import java.util.Arrays;

/** RMSE, MAE, R², MAPE, median absolute error and explained variance: regression metrics over predicted values and the truth. */
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

    /** Mean of |truth - prediction| / max(|truth|, 2.22e-16), scikit-learn's {@code mean_absolute_percentage_error}. */
    static double mape(Predictions predictions, double[] truth) {
        if (truth.length == 0) {
            return Double.NaN;
        }
        double sum = 0.0;
        for (int i = 0; i < truth.length; i++) {
            sum += Math.abs(predictions.value(i) - truth[i]) / Math.max(Math.abs(truth[i]), Math.ulp(1.0));
        }
        return sum / truth.length;
    }

    /** Median of |truth - prediction|; the mean of the two middle errors for an even count. */
    static double medianAbsoluteError(Predictions predictions, double[] truth) {
        int n = truth.length;
        if (n == 0) {
            return Double.NaN;
        }
        double[] errors = new double[n];
        for (int i = 0; i < n; i++) {
            errors[i] = Math.abs(predictions.value(i) - truth[i]);
        }
        Arrays.sort(errors);
        return n % 2 == 1 ? errors[n / 2] : (errors[n / 2 - 1] + errors[n / 2]) / 2.0;
    }

    /**
     * 1 - Var(truth - prediction) / Var(truth) (population variances). For constant truth: 1 when the residuals
     * are constant too, else 0, as scikit-learn's {@code explained_variance_score} with {@code force_finite=True}.
     */
    static double explainedVariance(Predictions predictions, double[] truth) {
        int n = truth.length;
        if (n == 0) {
            return Double.NaN;
        }
        double meanTruth = 0.0;
        double meanResidual = 0.0;
        for (int i = 0; i < n; i++) {
            meanTruth += truth[i];
            meanResidual += truth[i] - predictions.value(i);
        }
        meanTruth /= n;
        meanResidual /= n;
        double truthSquares = 0.0;
        double residualSquares = 0.0;
        for (int i = 0; i < n; i++) {
            double d = truth[i] - meanTruth;
            double r = truth[i] - predictions.value(i) - meanResidual;
            truthSquares += d * d;
            residualSquares += r * r;
        }
        if (truthSquares == 0.0) {
            return residualSquares == 0.0 ? 1.0 : 0.0;
        }
        return 1.0 - residualSquares / truthSquares;
    }
}
