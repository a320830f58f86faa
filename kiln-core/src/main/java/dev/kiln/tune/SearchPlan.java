package dev.kiln.tune;

import dev.kiln.data.Checks;
import java.time.Duration;
import java.util.Objects;

/**
 * How to search: the method, the number of trials (for halving and Hyperband, the configurations of the
 * first rung), a wall-clock budget (null for none), whether the median rule prunes hopeless trials between
 * folds, how many trials run per batch (fixed, so results do not depend on the thread count), the seed of
 * every proposal and the threads trials run on. For halving and Hyperband, {@code resource} is {@code rows}
 * (the share of each fold's training rows) or {@code trees} (the learner's {@code trees} parameter), grown
 * by a factor {@code eta} per rung. Immutable; validated on construction.
 */
public record SearchPlan(SearchMethod method, int trials, Duration budget, boolean prune, int batch, long seed, int threads,
                         String resource, int eta) {
    /** Trials per batch by default: enough to keep a few cores busy, few enough to let TPE learn between batches. */
    public static final int DEFAULT_BATCH = 4;

    public SearchPlan {
        Objects.requireNonNull(method, "method");
        Checks.checkArgument(trials >= 1, "trials: expected an integer >= 1, got %s", trials);
        Checks.checkArgument(budget == null || !budget.isNegative() && !budget.isZero(), "budget: expected a positive duration, got %s", budget);
        Checks.checkArgument(batch >= 1, "batch: expected an integer >= 1, got %s", batch);
        Checks.checkArgument(threads >= 1, "threads: expected an integer >= 1, got %s", threads);
        Checks.checkArgument("rows".equals(resource) || "trees".equals(resource), "resource: expected rows or trees, got '%s'", resource);
        Checks.checkArgument(eta >= 2, "eta: expected an integer >= 2, got %s", eta);
    }

    /** {@code method} with {@code trials} trials, pruning on, default batch, rows as resource, eta 3. */
    public static SearchPlan of(SearchMethod method, int trials, Duration budget, long seed, int threads) {
        return new SearchPlan(method, trials, budget, true, DEFAULT_BATCH, seed, threads, "rows", 3);
    }

    /** The {@link System#nanoTime()} after which no trial starts, for a search started at {@code startNanos}. */
    long deadline(long startNanos) {
        return budget == null ? Long.MAX_VALUE : startNanos + budget.toNanos();
    }
}
