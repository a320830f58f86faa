package dev.kiln.tune;

import dev.kiln.learn.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Tunes one learner over its {@link SearchSpace} by cross-validation: grid, random or TPE proposals (or
 * successive halving and Hyperband, see {@link SuccessiveHalving}), trials run in batches of
 * {@link SearchPlan#batch()} in parallel, the median rule pruning hopeless trials between folds, and a
 * wall-clock budget after which no trial starts another fold.
 *
 * <p>Determinism: trial {@code i} is proposed from a generator seeded by {@code (seed, i)} and from the
 * trials of the batches before its own, in index order; its pruner is built from the same snapshot; every
 * trial fits with the plan's seed. So the trials never depend on the thread count or on which trial
 * finished first. Only a budget that runs out makes the number of trials depend on the machine's speed.
 * The random and TPE searches try the learner's defaults as trial 0.
 */
public final class Search {
    private Search() {
    }

    /** Runs {@code plan} for {@code learner} over {@code space}, reporting each finished trial to {@code listener}. */
    public static SearchResult run(CrossValidation cv, String learner, SearchSpace space, SearchPlan plan, SearchListener listener) {
        if (plan.method() == SearchMethod.HALVING || plan.method() == SearchMethod.HYPERBAND) {
            return SuccessiveHalving.run(cv, learner, space, plan, listener);
        }
        boolean higher = cv.metric().higherIsBetter();
        Sampler sampler = switch (plan.method()) {
            case GRID -> new GridSampler(space, 3, plan.seed());
            case RANDOM -> new RandomSampler(space);
            default -> new TpeSampler(space, higher, Math.max(plan.batch() * 2, 5));
        };
        int total = Math.min(plan.trials(), sampler.size());
        long start = System.nanoTime();
        long deadline = plan.deadline(start);
        List<Trial> history = new ArrayList<>();
        Trial best = null;
        String reason = total < plan.trials() ? "grid" : "trials";
        try (TrialRunner runner = new TrialRunner(cv, plan.seed(), plan.threads())) {
            while (history.size() < total) {
                if (System.nanoTime() >= deadline) {
                    reason = "budget";
                    break;
                }
                List<Proposal> batch = new ArrayList<>();
                for (int i = history.size(); i < Math.min(total, history.size() + plan.batch()); i++) {
                    Map<String, String> point = i == 0 && plan.method() != SearchMethod.GRID ? Map.of()
                            : sampler.propose(i, history, random(plan.seed(), i));
                    batch.add(new Proposal(i, learner, point, 1));
                }
                CrossValidation.Pruner pruner = plan.prune()
                        ? MedianPruner.of(history, cv.metric().label(), higher, cv.folds(), MedianPruner.MIN_TRIALS)
                        : CrossValidation.Pruner.NEVER;
                for (Trial trial : runner.run(batch, pruner, deadline, false)) {
                    history.add(trial);
                    best = SearchResult.best(history, higher);
                    listener.trialFinished(trial, best, history.size(), total, secondsLeft(deadline));
                }
            }
        }
        if (history.stream().anyMatch(t -> t.status() == TrialStatus.TIMED_OUT)) {
            reason = "budget";
        }
        return new SearchResult(history, best, (System.nanoTime() - start) / 1e9, reason);
    }

    /** The proposal generator of trial {@code index}: a function of the seed and the index only. */
    static SplittableRandom random(long seed, int index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 1);
    }

    static double secondsLeft(long deadline) {
        return deadline == Long.MAX_VALUE ? -1 : Math.max(0, (deadline - System.nanoTime()) / 1e9);
    }
}
