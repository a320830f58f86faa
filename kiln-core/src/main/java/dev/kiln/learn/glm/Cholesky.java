package dev.kiln.learn.glm;

/**
 * The Cholesky factor {@code L} of a symmetric positive definite matrix ({@code A = L Lᵀ}), used to
 * solve normal equations. {@link #factor} returns null when a pivot falls to
 * {@code 1e-12 ×} the largest diagonal entry or below, that is, when the matrix is singular to working
 * precision. Immutable; cost {@code n³/3} to factor, {@code n²} per solve.
 */
final class Cholesky {
    private static final double RELATIVE_PIVOT = 1e-12;
    private final double[] lower;
    private final int n;

    private Cholesky(double[] lower, int n) {
        this.lower = lower;
        this.n = n;
    }

    /** Factors the row-major {@code n × n} matrix {@code a} (not modified), or null when it is not clearly positive definite. */
    static Cholesky factor(double[] a, int n) {
        double maxDiagonal = 0;
        for (int j = 0; j < n; j++) {
            maxDiagonal = Math.max(maxDiagonal, a[j * n + j]);
        }
        double minPivot = RELATIVE_PIVOT * maxDiagonal;
        double[] l = new double[n * n];
        for (int j = 0; j < n; j++) {
            double pivot = a[j * n + j];
            for (int k = 0; k < j; k++) {
                pivot -= l[j * n + k] * l[j * n + k];
            }
            if (!(pivot > minPivot)) {
                return null;
            }
            double root = Math.sqrt(pivot);
            l[j * n + j] = root;
            for (int i = j + 1; i < n; i++) {
                double sum = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = sum / root;
            }
        }
        return new Cholesky(l, n);
    }

    /** The solution {@code x} of {@code A x = b}. */
    double[] solve(double[] b) {
        double[] x = b.clone();
        for (int i = 0; i < n; i++) {
            double sum = x[i];
            for (int k = 0; k < i; k++) {
                sum -= lower[i * n + k] * x[k];
            }
            x[i] = sum / lower[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double sum = x[i];
            for (int k = i + 1; k < n; k++) {
                sum -= lower[k * n + i] * x[k];
            }
            x[i] = sum / lower[i * n + i];
        }
        return x;
    }
}
