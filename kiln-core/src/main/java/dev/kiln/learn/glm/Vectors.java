package dev.kiln.learn.glm;

/** Dot products for the GLM solvers, with a fixed summation order so that results are reproducible bit for bit. */
final class Vectors {
    private Vectors() {
    }

    /** {@code Σ a_i b_i} with four interleaved partial sums. */
    static double dot(double[] a, double[] b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = a.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The soft-thresholding operator {@code sign(x) max(|x| - t, 0)}. */
    static double softThreshold(double x, double t) {
        return x > t ? x - t : x < -t ? x + t : 0;
    }
}
