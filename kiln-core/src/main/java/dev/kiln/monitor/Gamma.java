package dev.kiln.monitor;

/**
 * The regularised upper incomplete gamma function Q(a, x), for chi-squared p-values: a series for
 * x &lt; a + 1 and a continued fraction otherwise (Numerical Recipes, 3rd ed., section 6.2). Accurate to
 * about 1e-14 relative.
 */
final class Gamma {
    private static final int MAX_ITERATIONS = 1000;
    private static final double EPSILON = 1e-15;
    private static final double[] LANCZOS = {57.1562356658629235, -59.5979603554754912, 14.1360979747417471,
        -0.491913816097620199, 0.339946499848118887e-4, 0.465236289270485756e-4, -0.983744753048795646e-4,
        0.158088703224912494e-3, -0.210264441724104883e-3, 0.217439618115212643e-3, -0.164318106536763890e-3,
        0.844182239838527433e-4, -0.261908384015814087e-4, 0.368991826595316234e-5};

    private Gamma() {
    }

    /** ln Γ(x) for x &gt; 0 (Lanczos approximation). */
    static double logGamma(double x) {
        double y = x;
        double tmp = x + 5.24218750000000000;
        tmp = (x + 0.5) * Math.log(tmp) - tmp;
        double series = 0.999999999999997092;
        for (double c : LANCZOS) {
            series += c / ++y;
        }
        return tmp + Math.log(2.5066282746310005 * series / x);
    }

    /** Q(a, x) = Γ(a, x) / Γ(a); the chi-squared survival function is Q(df / 2, statistic / 2). */
    static double regularizedQ(double a, double x) {
        if (x <= 0) {
            return 1.0;
        }
        return x < a + 1 ? 1.0 - lowerSeries(a, x) : upperFraction(a, x);
    }

    private static double lowerSeries(double a, double x) {
        double term = 1.0 / a;
        double sum = term;
        for (int n = 1; n < MAX_ITERATIONS; n++) {
            term *= x / (a + n);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPSILON) {
                break;
            }
        }
        return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
    }

    private static double upperFraction(double a, double x) {
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < tiny ? tiny : d;
            c = b + an / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }
}
