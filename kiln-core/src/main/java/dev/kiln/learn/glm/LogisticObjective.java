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
 * Evaluation costs {@code O(n × p × blocks)}, summing in a fixed order, so it is deterministic.
 * Holds scratch arrays: one optimisation at a time.
 */
final class LogisticObjective implements DifferentiableFunction {
    private final double[][] columns;
    private final int[] labels;
    private final int blocks;
    private final double[] penalty;
    private final double[][] eta;

    /**
     * {@code columns}: standardised features (p arrays of n); {@code labels}: class codes;
     * {@code blocks}: 1 for binary, else the number of classes; {@code penalty}: the L2 weight of each
     * standardised feature.
     */
    LogisticObjective(double[][] columns, int[] labels, int blocks, double[] penalty) {
        this.columns = columns;
        this.labels = labels;
        this.blocks = blocks;
        this.penalty = penalty;
        this.eta = new double[blocks][labels.length];
    }

    @Override
    public int dimension() {
        return blocks * (columns.length + 1);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        int p = columns.length;
        int n = labels.length;
        for (int k = 0; k < blocks; k++) {
            linearPredictor(theta, k * (p + 1), eta[k]);
        }
        double loss = blocks == 1 ? binaryResiduals() : multinomialResiduals();
        for (int k = 0; k < blocks; k++) {
            int offset = k * (p + 1);
            double[] residual = eta[k];
            for (int j = 0; j < p; j++) {
                double w = theta[offset + j];
                loss += 0.5 * penalty[j] * w * w;
                gradient[offset + j] = (dot(residual, columns[j]) + penalty[j] * w) / n;
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += residual[i];
            }
            gradient[offset + p] = sum / n;
        }
        return loss / n;
    }

    private void linearPredictor(double[] theta, int offset, double[] target) {
        int p = columns.length;
        Arrays.fill(target, theta[offset + p]);
        for (int j = 0; j < p; j++) {
            double w = theta[offset + j];
            double[] column = columns[j];
            for (int i = 0; i < target.length; i++) {
                target[i] += w * column[i];
            }
        }
    }

    /** Sums the binary log-loss and replaces each linear predictor by its residual {@code σ(η) - y}. */
    private double binaryResiduals() {
        double[] values = eta[0];
        double loss = 0;
        for (int i = 0; i < values.length; i++) {
            double e = values[i];
            int y = labels[i];
            loss += softplus(e) - y * e;
            values[i] = sigmoid(e) - y;
        }
        return loss;
    }

    /** Sums the multinomial log-loss and replaces each linear predictor by its residual {@code softmax_k - [k = y]}. */
    private double multinomialResiduals() {
        double loss = 0;
        for (int i = 0; i < labels.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < blocks; k++) {
                max = Math.max(max, eta[k][i]);
            }
            double sum = 0;
            for (int k = 0; k < blocks; k++) {
                sum += Math.exp(eta[k][i] - max);
            }
            int y = labels[i];
            loss += max + Math.log(sum) - eta[y][i];
            for (int k = 0; k < blocks; k++) {
                eta[k][i] = Math.exp(eta[k][i] - max) / sum - (k == y ? 1 : 0);
            }
        }
        return loss;
    }

    /** {@code log(1 + e^x)} without overflow. */
    static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /** {@code 1 / (1 + e^-x)} without overflow. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
