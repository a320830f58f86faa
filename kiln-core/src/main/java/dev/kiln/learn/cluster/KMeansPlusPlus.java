package dev.kiln.learn.cluster;

import java.util.SplittableRandom;

/**
 * Greedy k-means++ seeding (Arthur and Vassilvitskii, 2007, with the greedy variant of scikit-learn):
 * the first centre is a uniformly random row; each further centre is the best, by the resulting
 * potential (sum of squared distances to the nearest centre), of {@code 2 + ⌊ln k⌋} rows drawn with
 * probability proportional to their squared distance to the nearest centre so far. Distances run over
 * fixed row blocks whose partial potentials are added in block order: deterministic for any thread
 * count. Cost {@code O(k × trials × rows × features)}.
 */
final class KMeansPlusPlus {
    private KMeansPlusPlus() {
    }

    /** {@code k} initial centres (row-major) for the {@code n × d} rows {@code x}. */
    static double[] centres(double[] x, int n, int d, int k, SplittableRandom random, Blocks blocks) {
        double[] centres = new double[k * d];
        int first = random.nextInt(n);
        System.arraycopy(x, first * d, centres, 0, d);
        double[] closest = new double[n];
        blocks.run((block, from, to) -> {
            for (int i = from; i < to; i++) {
                closest[i] = Distances.squared(x, i * d, x, first * d, d);
            }
        });
        int trials = 2 + (int) Math.log(k);
        double[][] partial = new double[blocks.count()][trials];
        double[] cumulative = new double[n];
        int[] candidates = new int[trials];
        for (int c = 1; c < k; c++) {
            double running = 0;
            for (int i = 0; i < n; i++) {
                running += closest[i];
                cumulative[i] = running;
            }
            for (int t = 0; t < trials; t++) {
                candidates[t] = search(cumulative, random.nextDouble() * running);
            }
            blocks.run((block, from, to) -> {
                double[] sums = partial[block];
                java.util.Arrays.fill(sums, 0);
                for (int i = from; i < to; i++) {
                    int xo = i * d;
                    for (int t = 0; t < trials; t++) {
                        sums[t] += Math.min(closest[i], Distances.squared(x, xo, x, candidates[t] * d, d));
                    }
                }
            });
            int best = 0;
            double bestPotential = Double.POSITIVE_INFINITY;
            for (int t = 0; t < trials; t++) {
                double potential = 0;
                for (double[] sums : partial) {
                    potential += sums[t];
                }
                if (potential < bestPotential) {
                    bestPotential = potential;
                    best = t;
                }
            }
            int chosen = candidates[best];
            blocks.run((block, from, to) -> {
                for (int i = from; i < to; i++) {
                    closest[i] = Math.min(closest[i], Distances.squared(x, i * d, x, chosen * d, d));
                }
            });
            System.arraycopy(x, chosen * d, centres, c * d, d);
        }
        return centres;
    }

    /** The first index whose cumulative weight exceeds {@code value} (the last row when rounding runs past the end). */
    private static int search(double[] cumulative, double value) {
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] <= value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    static double sum(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }
}
