package dev.kiln.learn.cluster;

/** Squared Euclidean distances between rows of row-major arrays. Stateless. */
final class Distances {
    private Distances() {
    }

    /** {@code ‖a[ao..ao+d) − b[bo..bo+d)‖²}. */
    static double squared(double[] a, int ao, double[] b, int bo, int d) {
        double sum = 0;
        for (int j = 0; j < d; j++) {
            double diff = a[ao + j] - b[bo + j];
            sum += diff * diff;
        }
        return sum;
    }

    /** The index of the centre (of {@code k}, row-major in {@code centres}) nearest to row {@code xo} of {@code x}; the first on ties. */
    static int nearest(double[] x, int xo, double[] centres, int k, int d) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double distance = squared(x, xo, centres, c * d, d);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }
}
