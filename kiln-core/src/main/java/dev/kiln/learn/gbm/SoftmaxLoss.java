package dev.kiln.learn.gbm;

import dev.kiln.data.Checks;

/**
 * Multiclass cross-entropy over {@code K} raw scores per row: {@code -log softmax(r)_y}; for class
 * {@code k} the gradient is {@code p_k - [y = k]} and the (diagonal) hessian {@code p_k (1 - p_k)}.
 * One tree per class per round. Immutable.
 */
public final class SoftmaxLoss implements Loss {
    static final String NAME = "softmax";
    private static final double MIN_HESSIAN = 1e-16;
    private final int classes;

    SoftmaxLoss(int classes) {
        Checks.checkArgument(classes >= 2, "softmax needs at least 2 classes, got %s", classes);
        this.classes = classes;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int outputs() {
        return classes;
    }

    @Override
    public double[] baseline(double[] y) {
        double[] counts = new double[classes];
        for (double v : y) {
            counts[(int) v]++;
        }
        double[] out = new double[classes];
        for (int k = 0; k < classes; k++) {
            out[k] = Math.log(Math.max(counts[k] / y.length, 1e-15));
        }
        return out;
    }

    @Override
    public void gradients(double[] raw, double[] y, double[] grad, double[] hess, int from, int to) {
        int n = y.length;
        for (int i = from; i < to; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, raw[k * n + i]);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                sum += Math.exp(raw[k * n + i] - max);
            }
            int label = (int) y[i];
            for (int k = 0; k < classes; k++) {
                double p = Math.exp(raw[k * n + i] - max) / sum;
                grad[k * n + i] = p - (k == label ? 1 : 0);
                hess[k * n + i] = Math.max(p * (1 - p), MIN_HESSIAN);
            }
        }
    }

    @Override
    public double loss(double[] raw, double[] y, int from, int to) {
        int n = y.length;
        double total = 0;
        for (int i = from; i < to; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, raw[k * n + i]);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                sum += Math.exp(raw[k * n + i] - max);
            }
            total += max + Math.log(sum) - raw[(int) y[i] * n + i];
        }
        return total;
    }

    @Override
    public void transform(double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            max = Math.max(max, out[k]);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            out[k] = Math.exp(out[k] - max);
            sum += out[k];
        }
        for (int k = 0; k < classes; k++) {
            out[k] /= sum;
        }
    }
}
