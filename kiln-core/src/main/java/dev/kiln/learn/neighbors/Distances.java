package dev.kiln.learn.neighbors;

/**
 * Squared Euclidean distances between a query and row-major rows, summed in one fixed order so that
 * every search path gets the same bits. The sum of non-negative terms never falls below any one term,
 * which is what lets {@link KdTree} prune exactly. Stateless; allocates nothing.
 */
final class Distances {
    private Distances() {
    }

    /** {@code Σ (query_j − rows[offset + j])²} over {@code dimension} features. */
    static double squared(double[] query, double[] rows, int offset, int dimension) {
        double s0 = 0;
        double s1 = 0;
        int j = 0;
        for (; j + 1 < dimension; j += 2) {
            double d0 = query[j] - rows[offset + j];
            double d1 = query[j + 1] - rows[offset + j + 1];
            s0 += d0 * d0;
            s1 += d1 * d1;
        }
        if (j < dimension) {
            double d = query[j] - rows[offset + j];
            s0 += d * d;
        }
        return s0 + s1;
    }
}
