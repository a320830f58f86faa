package dev.kiln.learn.glm;

import java.util.Arrays;

/**
 * The penalised logistic log-loss that {@link LogisticLearner} minimises, on standardised features,
 * divided by the number of rows {@code n}:
 * {@code (Σ_i loss_i + ½ Σ_k Σ_j penalty_j w_kj²) / n}. With one block of weights the loss is the
 * binary (sigmoid) one, {@code log(1 + e^η) - y η}; with {@code K} blocks it is the multinomial
 * (softmax) one, {@code log Σ_k e^η_k - η_y}. Intercepts are not penalised.
 *
 * <p>Parameters are laid out block by block, each block {@code p} weights then its intercept.
 * Evaluation costs {@code O(n × p × blocks)}, spread over the threads of its {@link RowBlocks}: each
 * row block writes its own partial loss and gradient, and the partials are summed in block order, so
 * the result is the same, bit for bit, with any thread count. Holds scratch arrays: one optimisation
 * at a time.
 */
final class LogisticObjective implements DifferentiableFunction {
    private final double[][] columns;
    private final int[] labels;
    private final int blocks;
    private final double[] penalty;
    private final RowBlocks rows;
    private final double[][] eta;
    private final double[] partialLoss;
    private final double[][] partialGradient;

    /**
     * {@code columns}: standardised features (p arrays of n); {@code labels}: class codes;
     * {@code blocks}: 1 for binary, else the number of classes; {@code penalty}: the L2 weight of each
     * standardised feature; {@code rows}: the row blocks of {@code n} rows and the threads to use.
     */
    LogisticObjective(double[][] columns, int[] labels, int blocks, double[] penalty, RowBlocks rows) {
        this.columns = columns;
        this.labels = labels;
        this.blocks = blocks;
        this.penalty = penalty;
        this.rows = rows;
        this.eta = new double[blocks][labels.length];
        this.partialLoss = new double[rows.count()];
        this.partialGradient = new double[rows.count()][dimension()];
    }

    @Override
    public int dimension() {
        return blocks * (columns.length + 1);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        rows.forEach((block, from, to) -> partialLoss[block] = blockLossAndGradient(theta, from, to, partialGradient[block]));
        double loss = 0;
        Arrays.fill(gradient, 0);
        for (int block = 0; block < partialLoss.length; block++) { // block order: the same sum for any thread count
            loss += partialLoss[block];
            double[] partial = partialGradient[block];
            for (int d = 0; d < gradient.length; d++) {
                gradient[d] += partial[d];
            }
        }
        int p = columns.length;
        int n = labels.length;
        for (int k = 0; k < blocks; k++) {
            int offset = k * (p + 1);
            for (int j = 0; j < p; j++) {
                double w = theta[offset + j];
                loss += 0.5 * penalty[j] * w * w;
                gradient[offset + j] = (gradient[offset + j] + penalty[j] * w) / n;
            }
            gradient[offset + p] /= n;
        }
        return loss / n;
    }

    /** The unpenalised loss of rows {@code [from, to)}; writes their gradient (not divided by n) into {@code gradient}. */
    private double blockLossAndGradient(double[] theta, int from, int to, double[] gradient) {
        int p = columns.length;
        for (int k = 0; k < blocks; k++) {
            linearPredictor(theta, k * (p + 1), eta[k], from, to);
        }
        double loss = blocks == 1 ? binaryResiduals(from, to) : multinomialResiduals(from, to);
        for (int k = 0; k < blocks; k++) {
            int offset = k * (p + 1);
            double[] residual = eta[k];
            for (int j = 0; j < p; j++) {
                gradient[offset + j] = dot(residual, columns[j], from, to);
            }
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += residual[i];
            }
            gradient[offset + p] = sum;
        }
        return loss;
    }

    private void linearPredictor(double[] theta, int offset, double[] target, int from, int to) {
        int p = columns.length;
        Arrays.fill(target, from, to, theta[offset + p]);
        for (int j = 0; j < p; j++) {
            double w = theta[offset + j];
            double[] column = columns[j];
            for (int i = from; i < to; i++) {
                target[i] += w * column[i];
            }
        }
    }

    /** Sums the binary log-loss and replaces each linear predictor by its residual {@code σ(η) - y}. */
    private double binaryResiduals(int from, int to) {
        double[] values = eta[0];
        double loss = 0;
        for (int i = from; i < to; i++) {
            double e = values[i];
            int y = labels[i];
            // one exponential serves both: softplus(e) = log1p(exp(-|e|)) + max(e, 0)
            double t = Math.exp(-Math.abs(e));
            loss += Math.log1p(t) + Math.max(e, 0) - y * e;
            values[i] = (e >= 0 ? 1 / (1 + t) : t / (1 + t)) - y;
        }
        return loss;
    }

    /** Sums the multinomial log-loss and replaces each linear predictor by its residual {@code softmax_k - [k = y]}. */
    private double multinomialResiduals(int from, int to) {
        double loss = 0;
        for (int i = from; i < to; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < blocks; k++) {
                max = Math.max(max, eta[k][i]);
            }
            int y = labels[i];
            double trueClassPredictor = eta[y][i];
            double sum = 0;
            for (int k = 0; k < blocks; k++) {
                double e = Math.exp(eta[k][i] - max);
                eta[k][i] = e;
                sum += e;
            }
            loss += max + Math.log(sum) - trueClassPredictor;
            for (int k = 0; k < blocks; k++) {
                eta[k][i] = eta[k][i] / sum - (k == y ? 1 : 0);
            }
        }
        return loss;
    }

    /** {@code 1 / (1 + e^-x)} without overflow. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /** {@code Σ a_i b_i} over {@code [from, to)} with four interleaved partial sums (a fixed order, so deterministic). */
    private static double dot(double[] a, double[] b, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < to; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
