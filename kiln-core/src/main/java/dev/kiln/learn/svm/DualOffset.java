package dev.kiln.learn.svm;

/**
 * The offset {@code rho} of a solved SMO dual, as libsvm's {@code calculate_rho}: the mean of
 * {@code y_i G_i} over the free variables, or, when none is free, the middle of the interval that the
 * bounded ones leave for it. Stateless.
 */
final class DualOffset {
    private DualOffset() {
    }

    /** {@code rho} from the labels, the final gradient and the bound status of every variable. */
    static double rho(byte[] y, double[] gradient, byte[] status) {
        double upperBound = Double.POSITIVE_INFINITY;
        double lowerBound = Double.NEGATIVE_INFINITY;
        double sumFree = 0;
        int free = 0;
        for (int i = 0; i < y.length; i++) {
            double yg = y[i] * gradient[i];
            if (status[i] == SmoSolver.UPPER) {
                if (y[i] == -1) {
                    upperBound = Math.min(upperBound, yg);
                } else {
                    lowerBound = Math.max(lowerBound, yg);
                }
            } else if (status[i] == SmoSolver.LOWER) {
                if (y[i] == 1) {
                    upperBound = Math.min(upperBound, yg);
                } else {
                    lowerBound = Math.max(lowerBound, yg);
                }
            } else {
                free++;
                sumFree += yg;
            }
        }
        return free > 0 ? sumFree / free : (upperBound + lowerBound) / 2;
    }
}
