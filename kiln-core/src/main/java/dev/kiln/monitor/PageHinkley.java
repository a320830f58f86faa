package dev.kiln.monitor;

import dev.kiln.data.Checks;

/**
 * The Page–Hinkley test for an increase of a stream's mean (Page, "Continuous inspection schemes", Biometrika 1954;
 * as used for concept drift by Gama et al. 2013): with the running mean {@code x̄}, the cumulative sum
 * {@code m_T = sum (x_t - x̄_t - delta)} and its minimum {@code M_T}, drift (and a restart) when
 * {@code m_T - M_T > threshold}; nothing before {@code minInstances}. Warning at half the threshold. Defaults as
 * in river: 30 values, delta 0.005, threshold 50. Not thread-safe.
 */
public final class PageHinkley implements DriftDetector {
    private final int minInstances;
    private final double delta;
    private final double threshold;
    private long n;
    private double mean;
    private double sum;
    private double minSum;

    public PageHinkley(int minInstances, double delta, double threshold) {
        Checks.checkArgument(minInstances >= 1, "minInstances must be at least 1: %s", minInstances);
        Checks.checkArgument(delta >= 0 && threshold > 0, "need delta >= 0 and threshold > 0: %s, %s", delta, threshold);
        this.minInstances = minInstances;
        this.delta = delta;
        this.threshold = threshold;
        reset();
    }

    public static PageHinkley defaults() {
        return new PageHinkley(30, 0.005, 50);
    }

    private void reset() {
        n = 0;
        mean = 0;
        sum = 0;
        minSum = 0;
    }

    @Override
    public State update(double value) {
        Checks.checkArgument(!Double.isNaN(value), "Page-Hinkley takes numbers, got NaN");
        n++;
        mean += (value - mean) / n;
        sum += value - mean - delta;
        minSum = Math.min(minSum, sum);
        if (n < minInstances) {
            return State.STABLE;
        }
        double statistic = sum - minSum;
        if (statistic > threshold) {
            reset();
            return State.DRIFT;
        }
        return statistic > threshold / 2 ? State.WARNING : State.STABLE;
    }

    @Override
    public long count() {
        return n;
    }
}
