package dev.kiln.eval;

import java.util.Arrays;

/** The distinct labels of a clustering in ascending order, with their sizes and centroids. Immutable. */
final class Clusters {
    private final int[] labels;
    private final long[] sizes;
    private final double[] centroids;

    private Clusters(int[] labels, long[] sizes, double[] centroids) {
        this.labels = labels;
        this.sizes = sizes;
        this.centroids = centroids;
    }

    static Clusters of(double[] x, int n, int d, int[] rowLabels) {
        int[] distinct = Arrays.stream(rowLabels).distinct().sorted().toArray();
        long[] sizes = new long[distinct.length];
        double[] centroids = new double[distinct.length * d];
        for (int i = 0; i < n; i++) {
            int k = Arrays.binarySearch(distinct, rowLabels[i]);
            sizes[k]++;
            for (int j = 0; j < d; j++) {
                centroids[k * d + j] += x[i * d + j];
            }
        }
        for (int k = 0; k < distinct.length; k++) {
            for (int j = 0; j < d; j++) {
                centroids[k * d + j] /= sizes[k];
            }
        }
        return new Clusters(distinct, sizes, centroids);
    }

    int count() {
        return labels.length;
    }

    /** The position of {@code label} among the distinct labels. */
    int index(int label) {
        return Arrays.binarySearch(labels, label);
    }

    long size(int k) {
        return sizes[k];
    }

    /** The centroids, row-major in label order; callers must not modify it. */
    double[] centroids() {
        return centroids;
    }
}
