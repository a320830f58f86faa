package dev.kiln.learn.gbm;

import dev.kiln.data.Checks;

/**
 * Pinball loss for the {@code alpha}-quantile: {@code alpha (y - r)} when {@code y >= r}, else
 * {@code (1 - alpha)(r - y)}; gradient {@code 1 - alpha} or {@code -alpha}, constant hessian 1.
 * Starts from the {@code alpha}-quantile of the targets. Immutable.
 */
public final class QuantileLoss implements Loss {
    static final String NAME = "quantile";
    private final double alpha;

    QuantileLoss(double alpha) {
        Checks.checkArgument(alpha > 0 && alpha < 1, "quantile_alpha: expected a number in (0, 1), got %s", alpha);
        this.alpha = alpha;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean unitHessians() {
        return true;
    }

    @Override
    public double[] baseline(double[] y) {
        return new double[] {Loss.quantile(y, alpha)};
    }

    @Override
    public void gradients(double[] raw, double[] y, double[] grad, double[] hess, int from, int to) {
        for (int i = from; i < to; i++) {
            grad[i] = raw[i] > y[i] ? 1 - alpha : -alpha;
            hess[i] = 1;
        }
    }

    @Override
    public double loss(double[] raw, double[] y, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            double d = y[i] - raw[i];
            sum += d >= 0 ? alpha * d : (alpha - 1) * d;
        }
        return sum;
    }

    @Override
    public void transform(double[] out) {
        // the raw score is the prediction
    }

    @Override
    public void transformRows(double[] scores, int stride, int rows, double[] out, int at, int width) {
        System.arraycopy(scores, 0, out, at, rows);
    }
}
