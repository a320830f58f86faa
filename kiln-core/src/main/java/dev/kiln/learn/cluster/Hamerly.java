package dev.kiln.learn.cluster;

import java.util.Arrays;

/**
 * Lloyd's k-means iterations accelerated by Hamerly's bounds (Hamerly, "Making k-means even faster",
 * SDM 2010): each row keeps an upper bound on the distance to its centre and a lower bound on the
 * distance to every other centre, and skips the scan over the centres whenever the upper bound is below
 * both the lower bound and half the distance from its centre to the nearest other one. The result is
 * that of plain Lloyd iterations from the same start.
 *
 * <p>Stops when the squared centre shift summed over the centres is at most {@code tolerance}, when no
 * row changes cluster, or after {@code maxIter} iterations; the labels then belong to the final centres.
 * A cluster that empties is moved to the row farthest from its centre. The sums behind the centres are
 * kept per fixed row block, updated in row order as rows change cluster, and added in block order:
 * deterministic for any thread count. Not thread-safe; one run per object.
 */
final class Hamerly {
    private final double[] x;
    private final int n;
    private final int d;
    private final int k;
    private final Blocks blocks;
    private final double[] centres;
    private final int[] labels;
    private final double[] upper;
    private final double[] lower;
    private final double[][] blockSums;
    private final long[][] blockCounts;
    private int iterations;

    Hamerly(double[] x, int n, int d, double[] initialCentres, Blocks blocks) {
        this.x = x;
        this.n = n;
        this.d = d;
        this.k = initialCentres.length / d;
        this.blocks = blocks;
        this.centres = initialCentres.clone();
        this.labels = new int[n];
        this.upper = new double[n];
        this.lower = new double[n];
        this.blockSums = new double[blocks.count()][k * d];
        this.blockCounts = new long[blocks.count()][k];
    }

    /** Runs the iterations; returns the final centres (row-major). */
    double[] run(int maxIter, double tolerance) {
        double[] halfGap = new double[k];
        fullAssign();
        double[] next = new double[k * d];
        double[] shift = new double[k];
        int[] changed = new int[blocks.count()];
        for (iterations = 1; iterations <= maxIter; iterations++) {
            boolean relocated = updateCentres(next);
            double total = 0;
            double largest = 0;
            double second = 0;
            int largestAt = -1;
            for (int c = 0; c < k; c++) {
                double squared = Distances.squared(centres, c * d, next, c * d, d);
                total += squared;
                shift[c] = Math.sqrt(squared);
                if (shift[c] > largest) {
                    second = largest;
                    largest = shift[c];
                    largestAt = c;
                } else if (shift[c] > second) {
                    second = shift[c];
                }
            }
            System.arraycopy(next, 0, centres, 0, centres.length);
            if (relocated) {
                fullAssign();
                continue;
            }
            int moved = assign(halfGap, changed, shift, largest, second, largestAt);
            if (total <= tolerance || moved == 0) {
                break;
            }
        }
        iterations = Math.min(iterations, maxIter);
        return centres.clone();
    }

    int[] labels() {
        return labels.clone();
    }

    int iterations() {
        return iterations;
    }

    /** The sum of squared distances of the rows to their centres, summed in block order. */
    double inertia() {
        double[] partial = new double[blocks.count()];
        blocks.run((block, from, to) -> {
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += Distances.squared(x, i * d, centres, labels[i] * d, d);
            }
            partial[block] = sum;
        });
        return KMeansPlusPlus.sum(partial);
    }

    /** Exact nearest and second-nearest centre for every row, and each block's sums and counts per cluster. */
    private void fullAssign() {
        blocks.run((block, from, to) -> {
            double[] sums = blockSums[block];
            long[] counts = blockCounts[block];
            Arrays.fill(sums, 0);
            Arrays.fill(counts, 0);
            for (int i = from; i < to; i++) {
                scan(i);
                int so = labels[i] * d;
                int xo = i * d;
                counts[labels[i]]++;
                for (int j = 0; j < d; j++) {
                    sums[so + j] += x[xo + j];
                }
            }
        });
    }

    private void scan(int i) {
        double best = Double.POSITIVE_INFINITY;
        double second = Double.POSITIVE_INFINITY;
        int bestAt = 0;
        int xo = i * d;
        for (int c = 0; c < k; c++) {
            double distance = Distances.squared(x, xo, centres, c * d, d);
            if (distance < best) {
                second = best;
                best = distance;
                bestAt = c;
            } else if (distance < second) {
                second = distance;
            }
        }
        labels[i] = bestAt;
        upper[i] = Math.sqrt(best);
        lower[i] = Math.sqrt(second);
    }

    /**
     * Hamerly's assignment step after the centres moved by {@code shift}: widens each row's bounds, then
     * rescans the rows whose bounds no longer decide, moving a row that changes cluster between its
     * block's sums. Returns how many rows changed cluster.
     */
    private int assign(double[] halfGap, int[] changed, double[] shift, double largest, double second, int largestAt) {
        for (int c = 0; c < k; c++) {
            double nearest = Double.POSITIVE_INFINITY;
            for (int o = 0; o < k; o++) {
                if (o != c) {
                    nearest = Math.min(nearest, Distances.squared(centres, c * d, centres, o * d, d));
                }
            }
            halfGap[c] = 0.5 * Math.sqrt(nearest);
        }
        blocks.run((block, from, to) -> {
            int count = 0;
            double[] sums = blockSums[block];
            long[] counts = blockCounts[block];
            for (int i = from; i < to; i++) {
                int label = labels[i];
                upper[i] += shift[label];
                lower[i] -= label == largestAt ? second : largest;
                double bound = Math.max(halfGap[label], lower[i]);
                if (upper[i] <= bound) {
                    continue;
                }
                upper[i] = Math.sqrt(Distances.squared(x, i * d, centres, label * d, d));
                if (upper[i] <= bound) {
                    continue;
                }
                scan(i);
                int now = labels[i];
                if (now != label) {
                    count++;
                    counts[label]--;
                    counts[now]++;
                    int xo = i * d;
                    for (int j = 0; j < d; j++) {
                        sums[label * d + j] -= x[xo + j];
                        sums[now * d + j] += x[xo + j];
                    }
                }
            }
            changed[block] = count;
        });
        int total = 0;
        for (int count : changed) {
            total += count;
        }
        return total;
    }

    /**
     * The means of the clusters into {@code next}; an empty cluster takes the row farthest from its own
     * centre (then the next farthest for a second empty one). Returns whether any was moved so.
     */
    private boolean updateCentres(double[] next) {
        Arrays.fill(next, 0);
        long[] sizes = new long[k];
        for (int block = 0; block < blockSums.length; block++) {
            double[] sums = blockSums[block];
            for (int t = 0; t < next.length; t++) {
                next[t] += sums[t];
            }
            for (int c = 0; c < k; c++) {
                sizes[c] += blockCounts[block][c];
            }
        }
        boolean relocated = false;
        boolean[] taken = null;
        for (int c = 0; c < k; c++) {
            if (sizes[c] == 0) {
                taken = taken == null ? new boolean[n] : taken;
                int far = farthestRow(taken);
                taken[far] = true;
                System.arraycopy(x, far * d, next, c * d, d);
                relocated = true;
                continue;
            }
            for (int j = 0; j < d; j++) {
                next[c * d + j] /= sizes[c];
            }
        }
        return relocated;
    }

    private int farthestRow(boolean[] taken) {
        int far = 0;
        double farthest = -1;
        for (int i = 0; i < n; i++) {
            double distance = Distances.squared(x, i * d, centres, labels[i] * d, d);
            if (!taken[i] && distance > farthest) {
                farthest = distance;
                far = i;
            }
        }
        return far;
    }
}
