package dev.kiln.learn.bayes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Checks;
import dev.kiln.learn.ModelState;

/**
 * Multinomial naive Bayes as scikit-learn's {@code MultinomialNB}, for features holding counts:
 * {@code log P(x | c) = Σ_j x_j log θ_cj} with {@code θ_cj = (N_cj + α) / (N_c + α p)}, {@code N_cj}
 * the sum of feature {@code j} over the rows of class {@code c} (the multinomial coefficient is the
 * same for every class and left out). Immutable.
 */
final class MultinomialLikelihood implements Likelihood {
    static final String KIND = "multinomial";
    private final int features;
    private final double[] logTheta;

    MultinomialLikelihood(int classes, int features, double[] logTheta) {
        Checks.checkArgument(logTheta.length == classes * features, "log_theta: expected %s values, got %s",
                classes * features, logTheta.length);
        this.features = features;
        this.logTheta = logTheta.clone();
    }

    /** Fits on non-negative feature values; {@code names} name the columns in errors. */
    static MultinomialLikelihood fit(double[][] columns, java.util.List<String> names, int[] labels, int classes, double alpha) {
        int p = columns.length;
        double[] counts = new double[classes * p];
        for (int j = 0; j < p; j++) {
            double[] column = columns[j];
            for (int i = 0; i < labels.length; i++) {
                Checks.checkArgument(column[i] >= 0, "feature column '%s' has a negative value (%s) at row %s; "
                        + "multinomial naive Bayes needs counts", names.get(j), column[i], i);
                counts[labels[i] * p + j] += column[i];
            }
        }
        double[] logTheta = new double[classes * p];
        for (int c = 0; c < classes; c++) {
            double total = 0;
            for (int j = 0; j < p; j++) {
                total += counts[c * p + j] + alpha;
            }
            double logTotal = Math.log(total);
            for (int j = 0; j < p; j++) {
                logTheta[c * p + j] = Math.log(counts[c * p + j] + alpha) - logTotal;
            }
        }
        return new MultinomialLikelihood(classes, p, logTheta);
    }

    static MultinomialLikelihood read(ModelState state, int classes) {
        return new MultinomialLikelihood(classes, state.features().size(), state.doubles("log_theta"));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void addLogLikelihoods(double[] x, double[] out) {
        int classes = logTheta.length / Math.max(1, features);
        for (int c = 0; c < classes && features > 0; c++) {
            double sum = 0;
            for (int j = 0; j < features; j++) {
                sum += x[j] * logTheta[c * features + j];
            }
            out[c] += sum;
        }
    }

    @Override
    public void write(ObjectNode json, BinaryArrays arrays) {
        json.put("log_theta", arrays.putDoubles(logTheta));
    }
}
