package dev.kiln.prep;

/** The Yeo–Johnson power transform and the maximum-likelihood fit of its λ. Stateless. */
final class YeoJohnson {
    private static final double LOWER = -3.0;
    private static final double UPPER = 3.0;
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    private YeoJohnson() {
    }

    /** The transform of {@code x} with parameter {@code lambda}; NaN stays NaN. */
    static double transform(double x, double lambda) {
        if (x >= 0) {
            return Math.abs(lambda) < 1e-10 ? Math.log1p(x) : (Math.pow(x + 1, lambda) - 1) / lambda;
        }
        return Math.abs(lambda - 2) < 1e-10 ? -Math.log1p(-x) : -(Math.pow(1 - x, 2 - lambda) - 1) / (2 - lambda);
    }

    /** The λ in [-3, 3] maximising the normal log-likelihood of the transformed values. */
    static double fitLambda(double[] values) {
        double a = LOWER;
        double b = UPPER;
        double c = b - GOLDEN * (b - a);
        double d = a + GOLDEN * (b - a);
        double fc = logLikelihood(values, c);
        double fd = logLikelihood(values, d);
        for (int iteration = 0; iteration < 60 && b - a > 1e-6; iteration++) {
            if (fc > fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - GOLDEN * (b - a);
                fc = logLikelihood(values, c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + GOLDEN * (b - a);
                fd = logLikelihood(values, d);
            }
        }
        return (a + b) / 2;
    }

    /** -n/2 log(variance of transformed) + (λ - 1) Σ sign(x) log(|x| + 1). */
    static double logLikelihood(double[] values, double lambda) {
        int n = values.length;
        double mean = 0;
        double logJacobian = 0;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = transform(values[i], lambda);
            mean += t[i];
            logJacobian += Math.signum(values[i]) * Math.log1p(Math.abs(values[i]));
        }
        mean /= n;
        double variance = 0;
        for (double v : t) {
            variance += (v - mean) * (v - mean);
        }
        variance /= n;
        if (!(variance > 0) || !Double.isFinite(variance)) {
            return Double.NEGATIVE_INFINITY;
        }
        return -n / 2.0 * Math.log(variance) + (lambda - 1) * logJacobian;
    }
}
