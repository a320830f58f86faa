package dev.kiln.monitor;

import dev.kiln.data.Checks;

/**
 * Distances between two distributions given as proportions over the same bins (Jensen–Shannon,
 * chi-squared) or as quantile functions (Wasserstein).
 */
final class Divergences {
    private Divergences() {
    }

    /** The Jensen–Shannon distance, base 2: the square root of the divergence, in [0, 1]. */
    static double jensenShannon(double[] p, double[] q) {
        Checks.checkArgument(p.length == q.length, "bins differ: %s vs %s", p.length, q.length);
        double divergence = 0;
        for (int i = 0; i < p.length; i++) {
            double m = (p[i] + q[i]) / 2;
            divergence += term(p[i], m) / 2 + term(q[i], m) / 2;
        }
        return Math.sqrt(Math.max(0, divergence));
    }

    private static double term(double p, double m) {
        return p == 0 ? 0 : p * Math.log(p / m) / Math.log(2);
    }

    /**
     * Pearson's chi-squared statistic of observed counts {@code actual * n} against expected
     * proportions; bins expected to be empty are skipped. Returns {statistic, degrees of freedom}.
     */
    static double[] chiSquared(double[] expected, double[] actual, long n) {
        double statistic = 0;
        int bins = 0;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] <= 0) {
                if (actual[i] > 0) {
                    double floor = Psi.FLOOR;
                    statistic += Math.pow(actual[i] * n - floor * n, 2) / (floor * n);
                    bins++;
                }
                continue;
            }
            double e = expected[i] * n;
            double o = actual[i] * n;
            statistic += (o - e) * (o - e) / e;
            bins++;
        }
        return new double[] {statistic, Math.max(1, bins - 1)};
    }

    /**
     * The 1-Wasserstein distance between two distributions given by their quantiles at the same
     * evenly spaced probabilities: the mean absolute difference of the quantile functions.
     */
    static double wasserstein(double[] quantilesA, double[] quantilesB) {
        Checks.checkArgument(quantilesA.length == quantilesB.length && quantilesA.length >= 2,
                "quantiles differ: %s vs %s", quantilesA.length, quantilesB.length);
        double sum = 0;
        for (int i = 1; i < quantilesA.length; i++) {
            sum += (Math.abs(quantilesA[i - 1] - quantilesB[i - 1]) + Math.abs(quantilesA[i] - quantilesB[i])) / 2;
        }
        return sum / (quantilesA.length - 1);
    }
}
