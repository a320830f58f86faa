package dev.kiln.learn.gbm;

import dev.kiln.data.Checks;

/**
 * Huber loss with threshold {@code delta}: {@code d² / 2} for {@code |d| <= delta}, else
 * {@code delta (|d| - delta / 2)}, with {@code d = r - y}. Gradient {@code d} clipped to
 * {@code [-delta, delta]}; hessian 1 inside the threshold and, as in LightGBM, also 1 outside
 * (the true value 0 would make leaves unbounded). Starts from the median. Immutable.
 */
public final class HuberLoss implements Loss {
    static final String NAME = "huber";
    private final double delta;

    HuberLoss(double delta) {
        Checks.checkArgument(delta > 0 && Double.isFinite(delta), "huber_delta: expected a number > 0, got %s", delta);
        this.delta = delta;
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
        return new double[] {Loss.quantile(y, 0.5)};
    }

    @Override
    public void gradients(double[] raw, double[] y, double[] grad, double[] hess, int from, int to) {
        for (int i = from; i < to; i++) {
            double d = raw[i] - y[i];
            grad[i] = Math.max(-delta, Math.min(delta, d));
            hess[i] = 1;
        }
    }

    @Override
    public double loss(double[] raw, double[] y, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            double d = Math.abs(raw[i] - y[i]);
            sum += d <= delta ? 0.5 * d * d : delta * (d - 0.5 * delta);
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
