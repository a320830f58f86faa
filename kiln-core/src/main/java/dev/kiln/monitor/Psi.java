package dev.kiln.monitor;

import dev.kiln.data.Checks;

/**
 * The population stability index between two distributions over the same bins:
 * {@code sum (a - e) * ln(a / e)}, with empty bins floored at {@link #FLOOR} so that it stays finite.
 * Common reading: below 0.1 stable, 0.1 to 0.25 a moderate shift, above 0.25 a major shift.
 */
public final class Psi {
    /** The proportion an empty bin counts as. */
    public static final double FLOOR = 1e-4;

    private Psi() {
    }

    /** PSI of {@code actual} against {@code expected}; both are proportions over the same bins. */
    public static double between(double[] expected, double[] actual) {
        Checks.checkArgument(expected.length == actual.length, "bins differ: %s vs %s", expected.length, actual.length);
        double psi = 0;
        for (int i = 0; i < expected.length; i++) {
            double e = Math.max(expected[i], FLOOR);
            double a = Math.max(actual[i], FLOOR);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }
}
