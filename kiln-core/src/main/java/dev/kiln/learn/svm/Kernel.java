package dev.kiln.learn.svm;

import dev.kiln.data.Checks;

/**
 * A kernel function with its resolved constants, evaluated from a dot product and the two squared norms
 * (as libsvm does), so one blocked pass of dot products over row-major rows serves every kernel.
 * Immutable; allocates nothing.
 */
public record Kernel(KernelKind kind, double gamma, int degree, double coef0) {
    public Kernel {
        Checks.checkArgument(kind != null, "kernel: expected a kind");
        Checks.checkArgument(Double.isFinite(gamma) && gamma > 0, "gamma: expected a number > 0, got %s", gamma);
        Checks.checkArgument(degree >= 1, "degree: expected an integer >= 1, got %s", degree);
        Checks.checkArgument(Double.isFinite(coef0), "coef0: expected a finite number, got %s", coef0);
    }

    /** The kernel value for rows whose dot product is {@code dot} and squared norms {@code squareA}, {@code squareB}. */
    public double value(double dot, double squareA, double squareB) {
        return switch (kind) {
            case RBF -> Math.exp(-gamma * (squareA + squareB - 2 * dot));
            case POLY -> power(gamma * dot + coef0, degree);
            case LINEAR -> dot;
        };
    }

    /**
     * {@code out[t] = (float) value(dots[t], square, squares[t])} for {@code t} in {@code [from, to)}, the
     * kind decided once outside the loop; the same bits as {@link #value}.
     */
    public void values(double[] dots, double square, double[] squares, int from, int to, float[] out) {
        switch (kind) {
            case RBF -> {
                for (int t = from; t < to; t++) {
                    out[t] = (float) Math.exp(-gamma * (square + squares[t] - 2 * dots[t]));
                }
            }
            case POLY -> {
                for (int t = from; t < to; t++) {
                    out[t] = (float) power(gamma * dots[t] + coef0, degree);
                }
            }
            case LINEAR -> {
                for (int t = from; t < to; t++) {
                    out[t] = (float) dots[t];
                }
            }
        }
    }

    /** {@code dots[v] = value(dots[v], squares[v], square)} for {@code v} in {@code [0, count)}, in place. */
    public void valuesInPlace(double[] dots, double[] squares, double square, int count) {
        switch (kind) {
            case RBF -> {
                for (int v = 0; v < count; v++) {
                    dots[v] = Math.exp(-gamma * (squares[v] + square - 2 * dots[v]));
                }
            }
            case POLY -> {
                for (int v = 0; v < count; v++) {
                    dots[v] = power(gamma * dots[v] + coef0, degree);
                }
            }
            case LINEAR -> {
                // the dot product is the kernel value
            }
        }
    }

    private static double power(double base, int exponent) {
        double result = 1;
        double factor = base;
        for (int e = exponent; e > 0; e >>= 1) {
            if ((e & 1) != 0) {
                result *= factor;
            }
            factor *= factor;
        }
        return result;
    }

    /**
     * The dot product of the {@code length} values of {@code a} from {@code offsetA} and of {@code b}
     * from {@code offsetB}, with four partial sums (a fixed order, so always the same bits).
     */
    public static double dot(double[] a, int offsetA, double[] b, int offsetB, int length) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < length; j += 4) {
            s0 += a[offsetA + j] * b[offsetB + j];
            s1 += a[offsetA + j + 1] * b[offsetB + j + 1];
            s2 += a[offsetA + j + 2] * b[offsetB + j + 2];
            s3 += a[offsetA + j + 3] * b[offsetB + j + 3];
        }
        for (; j < length; j++) {
            s0 += a[offsetA + j] * b[offsetB + j];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
