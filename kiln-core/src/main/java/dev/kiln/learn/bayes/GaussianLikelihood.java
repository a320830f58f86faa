package dev.kiln.learn.bayes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Checks;
import dev.kiln.learn.ModelState;

/**
 * Gaussian naive Bayes as scikit-learn's {@code GaussianNB}: per class and feature a mean and a
 * population variance, each variance increased by {@code varSmoothing × the largest feature variance}
 * so that none is zero. {@code log P(x | c) = −½ Σ_j [log(2π σ²_cj) + (x_j − μ_cj)² / σ²_cj]}.
 * Immutable.
 */
final class GaussianLikelihood implements Likelihood {
    static final String KIND = "gaussian";
    private final int features;
    private final double[] means;
    private final double[] variances;
    private final double[] inverseVariances;
    private final double[] logNormalizers;

    /** From row-major (class × feature) means and smoothed variances (copied). */
    GaussianLikelihood(int classes, int features, double[] means, double[] variances) {
        Checks.checkArgument(means.length == classes * features && variances.length == classes * features,
                "means: expected %s values per array", classes * features);
        this.features = features;
        this.means = means.clone();
        this.variances = variances.clone();
        this.inverseVariances = new double[variances.length];
        this.logNormalizers = new double[classes];
        for (int c = 0; c < classes; c++) {
            double sum = 0;
            for (int j = 0; j < features; j++) {
                double v = variances[c * features + j];
                Checks.checkArgument(v > 0 && Double.isFinite(v), "variances: class %s feature %s has variance %s", c, j, v);
                inverseVariances[c * features + j] = 1 / v;
                sum += Math.log(2 * Math.PI * v);
            }
            logNormalizers[c] = -0.5 * sum;
        }
    }

    /** Fits means and variances on rows with class codes {@code labels}. */
    static GaussianLikelihood fit(double[][] columns, int[] labels, int classes, double varSmoothing) {
        int p = columns.length;
        int n = labels.length;
        double[] counts = new double[classes];
        for (int label : labels) {
            counts[label]++;
        }
        double[] means = new double[classes * p];
        double[] variances = new double[classes * p];
        double largest = 0;
        for (int j = 0; j < p; j++) {
            double[] column = columns[j];
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += column[i];
                means[labels[i] * p + j] += column[i];
            }
            mean /= n;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                squares += (column[i] - mean) * (column[i] - mean);
            }
            largest = Math.max(largest, squares / n);
            for (int c = 0; c < classes; c++) {
                means[c * p + j] = counts[c] > 0 ? means[c * p + j] / counts[c] : 0;
            }
            for (int i = 0; i < n; i++) {
                double d = column[i] - means[labels[i] * p + j];
                variances[labels[i] * p + j] += d * d;
            }
            for (int c = 0; c < classes; c++) {
                variances[c * p + j] = counts[c] > 0 ? variances[c * p + j] / counts[c] : 0;
            }
        }
        double epsilon = varSmoothing * largest;
        for (int i = 0; i < variances.length; i++) {
            variances[i] += epsilon;
            if (!(variances[i] > 0)) {
                variances[i] = Double.MIN_NORMAL;
            }
        }
        return new GaussianLikelihood(classes, p, means, variances);
    }

    static GaussianLikelihood read(ModelState state, int classes) {
        return new GaussianLikelihood(classes, state.features().size(), state.doubles("means"), state.doubles("variances"));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void addLogLikelihoods(double[] x, double[] out) {
        for (int c = 0; c < logNormalizers.length; c++) {
            int offset = c * features;
            double sum = 0;
            for (int j = 0; j < features; j++) {
                double d = x[j] - means[offset + j];
                sum += d * d * inverseVariances[offset + j];
            }
            out[c] += logNormalizers[c] - 0.5 * sum;
        }
    }

    @Override
    public void write(ObjectNode json, BinaryArrays arrays) {
        json.put("means", arrays.putDoubles(means));
        json.put("variances", arrays.putDoubles(variances));
    }

    /** A copy of the class means, row-major (class × feature). */
    double[] means() {
        return means.clone();
    }

    /** A copy of the smoothed variances, row-major (class × feature). */
    double[] variances() {
        return variances.clone();
    }
}
