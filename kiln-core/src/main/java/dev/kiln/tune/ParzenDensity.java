package dev.kiln.tune;

import dev.kiln.learn.SearchSpace;
import java.util.SplittableRandom;

/**
 * A Parzen density on the unit interval for one search dimension: for numeric ranges, an equal-weight
 * mixture of a uniform prior and a Gaussian at each observation (bandwidth by Scott's rule, kept in
 * [0.05, 1]); for choices, smoothed value frequencies {@code (count + 1) / (n + levels)}. Immutable.
 */
final class ParzenDensity {
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    private final double[] centres;
    private final double bandwidth;
    private final int levels;

    private ParzenDensity(double[] centres, double bandwidth, int levels) {
        this.centres = centres;
        this.bandwidth = bandwidth;
        this.levels = levels;
    }

    static ParzenDensity of(SearchSpace.Dimension dimension, double[] observations) {
        if (dimension instanceof SearchSpace.Choice choice) {
            return new ParzenDensity(observations, 0, choice.values().size());
        }
        int n = observations.length;
        double mean = 0;
        for (double u : observations) {
            mean += u;
        }
        mean = n == 0 ? 0 : mean / n;
        double variance = 0;
        for (double u : observations) {
            variance += (u - mean) * (u - mean);
        }
        double sigma = n < 2 ? 1 : Math.sqrt(variance / (n - 1));
        double h = 1.06 * sigma * Math.pow(Math.max(1, n), -0.2);
        return new ParzenDensity(observations, Math.max(0.05, Math.min(1, h)), 0);
    }

    double density(double u) {
        int n = centres.length;
        if (levels > 0) {
            int level = level(u);
            int count = 0;
            for (double c : centres) {
                if (level(c) == level) {
                    count++;
                }
            }
            return (count + 1.0) / (n + levels);
        }
        double sum = 1; // the uniform prior on [0, 1]
        for (double c : centres) {
            double z = (u - c) / bandwidth;
            sum += Math.exp(-0.5 * z * z) / (bandwidth * SQRT_2PI);
        }
        return sum / (n + 1);
    }

    double sample(SplittableRandom random) {
        int n = centres.length;
        if (levels > 0) {
            double pick = random.nextDouble() * (n + levels);
            int[] counts = new int[levels];
            for (double c : centres) {
                counts[level(c)]++;
            }
            for (int level = 0; level < levels; level++) {
                pick -= counts[level] + 1;
                if (pick < 0) {
                    return (level + 0.5) / levels;
                }
            }
            return (levels - 0.5) / levels;
        }
        int component = random.nextInt(n + 1);
        if (component == n) {
            return random.nextDouble();
        }
        double u = centres[component] + bandwidth * random.nextGaussian();
        return Math.max(0, Math.min(1, u));
    }

    private int level(double u) {
        return Math.min(levels - 1, Math.max(0, (int) (u * levels)));
    }
}
