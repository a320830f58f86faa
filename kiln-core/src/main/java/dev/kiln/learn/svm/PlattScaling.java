package dev.kiln.learn.svm;

/**
 * Platt's sigmoid {@code P(y = +1 | f) = 1 / (1 + exp(A f + B))} fitted to decision values by the
 * improved Newton method with backtracking of Lin, Lin and Weng (2007), "A note on Platt's
 * probabilistic outputs for support vector machines", as libsvm's {@code sigmoid_train}, with Platt's
 * smoothed targets. Stateless; deterministic.
 */
public final class PlattScaling {
    private static final int MAX_ITERATIONS = 100;
    private static final double MIN_STEP = 1e-10;
    private static final double SIGMA = 1e-12;
    private static final double EPSILON = 1e-5;

    private PlattScaling() {
    }

    /** {@code {A, B}} for decision values {@code decisions} of rows whose labels are {@code positive[i]}. */
    public static double[] fit(double[] decisions, boolean[] positive) {
        int n = decisions.length;
        double prior1 = 0;
        for (boolean b : positive) {
            prior1 += b ? 1 : 0;
        }
        double prior0 = n - prior1;
        double hiTarget = (prior1 + 1) / (prior1 + 2);
        double loTarget = 1 / (prior0 + 2);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = positive[i] ? hiTarget : loTarget;
        }
        double a = 0;
        double b = Math.log((prior0 + 1) / (prior1 + 1));
        double value = objective(decisions, t, a, b);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double h11 = SIGMA;
            double h22 = SIGMA;
            double h21 = 0;
            double g1 = 0;
            double g2 = 0;
            for (int i = 0; i < n; i++) {
                double fApB = decisions[i] * a + b;
                double p;
                double q;
                if (fApB >= 0) {
                    double e = Math.exp(-fApB);
                    p = e / (1 + e);
                    q = 1 / (1 + e);
                } else {
                    double e = Math.exp(fApB);
                    p = 1 / (1 + e);
                    q = e / (1 + e);
                }
                double d2 = p * q;
                h11 += decisions[i] * decisions[i] * d2;
                h22 += d2;
                h21 += decisions[i] * d2;
                double d1 = t[i] - p;
                g1 += decisions[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < EPSILON && Math.abs(g2) < EPSILON) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double dA = -(h22 * g1 - h21 * g2) / det;
            double dB = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * dA + g2 * dB;
            double step = 1;
            while (step >= MIN_STEP) {
                double newA = a + step * dA;
                double newB = b + step * dB;
                double newValue = objective(decisions, t, newA, newB);
                if (newValue < value + 0.0001 * step * gd) {
                    a = newA;
                    b = newB;
                    value = newValue;
                    break;
                }
                step /= 2;
            }
            if (step < MIN_STEP) {
                break;
            }
        }
        return new double[] {a, b};
    }

    /** {@code P(y = +1)} for decision value {@code decision}, computed without overflow. */
    public static double probability(double decision, double a, double b) {
        double fApB = decision * a + b;
        if (fApB >= 0) {
            double e = Math.exp(-fApB);
            return e / (1 + e);
        }
        return 1 / (1 + Math.exp(fApB));
    }

    private static double objective(double[] decisions, double[] t, double a, double b) {
        double value = 0;
        for (int i = 0; i < decisions.length; i++) {
            double fApB = decisions[i] * a + b;
            value += fApB >= 0 ? t[i] * fApB + Math.log1p(Math.exp(-fApB)) : (t[i] - 1) * fApB + Math.log1p(Math.exp(fApB));
        }
        return value;
    }
}
