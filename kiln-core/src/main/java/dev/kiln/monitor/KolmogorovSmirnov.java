package dev.kiln.monitor;

/**
 * The two-sample Kolmogorov–Smirnov test: the largest gap between two empirical distribution
 * functions, and its asymptotic p-value, {@code Q_KS(sqrt(ne) * D)} with {@code ne = n m / (n + m)}
 * and Stephens' small-sample correction (Numerical Recipes, 3rd ed., section 14.3).
 */
final class KolmogorovSmirnov {
    private KolmogorovSmirnov() {
    }

    /** The statistic D between two ascending samples. */
    static double statistic(double[] sortedA, double[] sortedB) {
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < sortedA.length && j < sortedB.length) {
            double x = Math.min(sortedA[i], sortedB[j]);
            while (i < sortedA.length && sortedA[i] <= x) {
                i++;
            }
            while (j < sortedB.length && sortedB[j] <= x) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / sortedA.length - (double) j / sortedB.length));
        }
        return d;
    }

    /** The p-value of statistic {@code d} for samples of sizes {@code n} and {@code m}. */
    static double pValue(double d, long n, long m) {
        double ne = (double) n * m / (n + m);
        double root = Math.sqrt(ne);
        return survival((root + 0.12 + 0.11 / root) * d);
    }

    /** Q_KS(z) = 2 sum_{k>=1} (-1)^(k-1) exp(-2 k^2 z^2). */
    static double survival(double z) {
        if (z < 0.2) {
            return 1.0;
        }
        double sum = 0;
        for (int k = 1; k <= 100; k++) {
            double term = Math.exp(-2.0 * k * k * z * z);
            sum += (k % 2 == 1 ? 2 : -2) * term;
            if (term < 1e-16) {
                break;
            }
        }
        return Math.max(0.0, Math.min(1.0, sum));
    }
}
