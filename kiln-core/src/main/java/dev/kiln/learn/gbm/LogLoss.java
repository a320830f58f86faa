package dev.kiln.learn.gbm;

/**
 * Binary log loss on the log-odds {@code r}: {@code log(1 + e^r) - y r} for {@code y} in {0, 1};
 * gradient {@code p - y} and hessian {@code p (1 - p)} with {@code p = sigmoid(r)}. Immutable.
 */
public final class LogLoss implements Loss {
    static final String NAME = "log_loss";
    private static final double MIN_HESSIAN = 1e-16;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[] baseline(double[] y) {
        double sum = 0;
        for (double v : y) {
            sum += v;
        }
        double p = Math.min(Math.max(sum / y.length, 1e-15), 1 - 1e-15);
        return new double[] {Math.log(p / (1 - p))};
    }

    @Override
    public void gradients(double[] raw, double[] y, double[] grad, double[] hess, int from, int to) {
        for (int i = from; i < to; i++) {
            double p = sigmoid(raw[i]);
            grad[i] = p - y[i];
            hess[i] = Math.max(p * (1 - p), MIN_HESSIAN);
        }
    }

    @Override
    public double loss(double[] raw, double[] y, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            double r = raw[i];
            sum += (r > 0 ? r + Math.log1p(Math.exp(-r)) : Math.log1p(Math.exp(r))) - y[i] * r;
        }
        return sum;
    }

    @Override
    public void transform(double[] out) {
        double p = sigmoid(out[0]);
        out[0] = 1 - p;
        out[1] = p;
    }

    @Override
    public void transformRows(double[] scores, int stride, int rows, double[] out, int at, int width) {
        for (int i = 0; i < rows; i++) {
            double p = sigmoid(scores[i]);
            out[at + 2 * i] = 1 - p;
            out[at + 2 * i + 1] = p;
        }
    }

    static double sigmoid(double r) {
        return 1 / (1 + Math.exp(-r));
    }
}
