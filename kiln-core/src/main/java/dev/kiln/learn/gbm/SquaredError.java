package dev.kiln.learn.gbm;

/** Half the squared error {@code (r - y)² / 2}: gradient {@code r - y}, hessian 1. Immutable. */
public final class SquaredError implements Loss {
    static final String NAME = "squared_error";

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
        double sum = 0;
        for (double v : y) {
            sum += v;
        }
        return new double[] {sum / y.length};
    }

    @Override
    public void gradients(double[] raw, double[] y, double[] grad, double[] hess, int from, int to) {
        for (int i = from; i < to; i++) {
            grad[i] = raw[i] - y[i];
            hess[i] = 1;
        }
    }

    @Override
    public double loss(double[] raw, double[] y, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            double d = raw[i] - y[i];
            sum += 0.5 * d * d;
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
