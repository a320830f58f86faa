package dev.kiln.learn.gbm;

/**
 * Absolute error {@code |r - y|}: gradient {@code sign(r - y)} and a constant hessian of 1 (the true
 * second derivative is 0 almost everywhere), so leaves take a damped mean of signs. Starts from the
 * median. Immutable.
 */
public final class AbsoluteError implements Loss {
    static final String NAME = "absolute_error";

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
            grad[i] = Math.signum(raw[i] - y[i]);
            hess[i] = 1;
        }
    }

    @Override
    public double loss(double[] raw, double[] y, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += Math.abs(raw[i] - y[i]);
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
