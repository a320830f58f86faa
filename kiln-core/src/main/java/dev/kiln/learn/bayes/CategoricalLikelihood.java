package dev.kiln.learn.bayes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Checks;
import dev.kiln.learn.ModelState;
import java.util.List;

/**
 * Categorical naive Bayes as scikit-learn's {@code CategoricalNB}, for features holding category codes
 * {@code 0..m_j−1}: {@code log P(x_j = v | c) = log((N_cjv + α) / (N_c + α m_j))}. A value that is not
 * an integer code seen in training counts as an unseen category ({@code N_cjv = 0}) rather than failing
 * at serving time. Immutable.
 */
final class CategoricalLikelihood implements Likelihood {
    static final String KIND = "categorical";
    /** The most (class × feature × category) cells a model may hold. */
    static final long MAX_CELLS = 20_000_000L;
    private final int classes;
    private final int[] offsets;
    private final double[] logProbabilities;
    private final double[] unseen;

    /**
     * From {@code offsets} ({@code p + 1} ascending starts of each feature's categories),
     * {@code logProbabilities} (class-major, {@code offsets[p]} per class) and {@code unseen}
     * (class × feature), copied.
     */
    CategoricalLikelihood(int classes, int[] offsets, double[] logProbabilities, double[] unseen) {
        int p = offsets.length - 1;
        Checks.checkArgument(p >= 0 && offsets[0] == 0, "offsets: expected a leading 0");
        for (int j = 0; j < p; j++) {
            Checks.checkArgument(offsets[j] <= offsets[j + 1], "offsets: not ascending at %s", j);
        }
        Checks.checkArgument(logProbabilities.length == (long) classes * offsets[p], "log_probabilities: expected %s values",
                (long) classes * offsets[p]);
        Checks.checkArgument(unseen.length == classes * p, "unseen: expected %s values", classes * p);
        this.classes = classes;
        this.offsets = offsets.clone();
        this.logProbabilities = logProbabilities.clone();
        this.unseen = unseen.clone();
    }

    /** Fits on integer codes {@code >= 0}; {@code names} name the columns in errors. */
    static CategoricalLikelihood fit(double[][] columns, List<String> names, int[] labels, int classes, double alpha) {
        int p = columns.length;
        int[] offsets = new int[p + 1];
        for (int j = 0; j < p; j++) {
            double max = 0;
            double[] column = columns[j];
            for (int i = 0; i < column.length; i++) {
                double v = column[i];
                Checks.checkArgument(v >= 0 && v == Math.rint(v) && v < Integer.MAX_VALUE,
                        "feature column '%s' has %s at row %s; categorical naive Bayes needs integer codes >= 0",
                        names.get(j), v, i);
                max = Math.max(max, v);
            }
            long end = (long) offsets[j] + (long) max + 1;
            Checks.checkArgument(end * classes <= MAX_CELLS, "feature column '%s' has codes up to %s: too many categories "
                    + "for categorical naive Bayes (use kind: multinomial or gaussian)", names.get(j), (long) max);
            offsets[j + 1] = (int) end;
        }
        int total = offsets[p];
        double[] counts = new double[classes * total];
        double[] classCounts = new double[classes];
        for (int label : labels) {
            classCounts[label]++;
        }
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < labels.length; i++) {
                counts[labels[i] * total + offsets[j] + (int) columns[j][i]]++;
            }
        }
        double[] logProbabilities = new double[classes * total];
        double[] unseen = new double[classes * p];
        for (int c = 0; c < classes; c++) {
            for (int j = 0; j < p; j++) {
                double logDenominator = Math.log(classCounts[c] + alpha * (offsets[j + 1] - offsets[j]));
                for (int v = offsets[j]; v < offsets[j + 1]; v++) {
                    logProbabilities[c * total + v] = Math.log(counts[c * total + v] + alpha) - logDenominator;
                }
                unseen[c * p + j] = Math.log(alpha) - logDenominator;
            }
        }
        return new CategoricalLikelihood(classes, offsets, logProbabilities, unseen);
    }

    static CategoricalLikelihood read(ModelState state, int classes) {
        return new CategoricalLikelihood(classes, state.ints("offsets"), state.doubles("log_probabilities"),
                state.doubles("unseen"));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void addLogLikelihoods(double[] x, double[] out) {
        int p = offsets.length - 1;
        int total = offsets[p];
        for (int c = 0; c < classes; c++) {
            double sum = 0;
            for (int j = 0; j < p; j++) {
                double v = x[j];
                int size = offsets[j + 1] - offsets[j];
                if (v >= 0 && v < size && v == Math.rint(v)) {
                    sum += logProbabilities[c * total + offsets[j] + (int) v];
                } else {
                    sum += unseen[c * p + j];
                }
            }
            out[c] += sum;
        }
    }

    @Override
    public void write(ObjectNode json, BinaryArrays arrays) {
        json.put("offsets", arrays.putInts(offsets));
        json.put("log_probabilities", arrays.putDoubles(logProbabilities));
        json.put("unseen", arrays.putDoubles(unseen));
    }
}
