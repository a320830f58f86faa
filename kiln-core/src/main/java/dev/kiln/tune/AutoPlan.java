package dev.kiln.tune;

import dev.kiln.data.Checks;
import java.time.Duration;
import java.util.List;

/**
 * How to search across learner families: the families (in the order to try them; empty for every learner
 * that supports the task, cheapest first), the wall-clock budget (null for none), the most trials
 * (0 for no limit), how many trials without an improvement beyond noise mean convergence ({@code
 * patience}; 0 never stops early), whether to build an ensemble, the trials per batch, the seed and the
 * threads. Immutable; validated on construction.
 */
public record AutoPlan(List<String> learners, Duration budget, int maxTrials, int patience, boolean ensemble, int batch,
                       long seed, int threads) {
    /** Trials without a real improvement after which a search counts as converged. */
    public static final int DEFAULT_PATIENCE = 32;

    public AutoPlan {
        learners = List.copyOf(learners);
        Checks.checkArgument(budget == null || !budget.isNegative() && !budget.isZero(), "budget: expected a positive duration, got %s", budget);
        Checks.checkArgument(maxTrials >= 0, "trials: expected an integer >= 0, got %s", maxTrials);
        Checks.checkArgument(patience >= 0, "patience: expected an integer >= 0, got %s", patience);
        Checks.checkArgument(batch >= 1, "batch: expected an integer >= 1, got %s", batch);
        Checks.checkArgument(threads >= 1, "threads: expected an integer >= 1, got %s", threads);
        Checks.checkArgument(budget != null || maxTrials > 0 || patience > 0, "an unbounded search: give a budget, trials or patience");
    }

    /** Every supporting learner, ensemble on, default patience and batch. */
    public static AutoPlan of(Duration budget, int maxTrials, long seed, int threads) {
        return new AutoPlan(List.of(), budget, maxTrials, DEFAULT_PATIENCE, true, SearchPlan.DEFAULT_BATCH, seed, threads);
    }
}
