package dev.kiln.tune;

import dev.kiln.learn.catalog.Learners;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The search across learner families behind {@code --learner auto}: first the {@link Portfolio} (every
 * family's defaults, cheapest family first, then each family's next known-good setting in turn, the families
 * that did best so far first in each turn, the costliest families one turn late), then TPE per family, the batch
 * slots going to the families ranked best so far ({@link #SLOTS}), with median pruning. It stops at the
 * budget (keeping time to refit the choice), at the trial limit, or once {@code patience} trials in a row
 * failed to beat the best by more than a quarter of its standard error (converged). Finally a Caruana blend
 * of the best {@value #CANDIDATES} complete trials is chosen when it beats the best single one out of fold.
 *
 * <p>Determinism is {@link Search}'s: proposals and pruning use only the batches before, trial {@code i}
 * draws from a generator of {@code (seed, i)}, results are taken in index order.
 */
public final class AutoSearch {
    /** Which family rank each slot of a batch goes to: the leader gets half, the next two a quarter each. */
    static final int[] SLOTS = {0, 1, 0, 2};
    static final int CANDIDATES = 20;
    /** At most this many blend candidates per family, so that a blend can mix families. */
    static final int CANDIDATES_PER_FAMILY = 5;
    private static final int BLEND_ROUNDS = 25;
    private static final int KEEP_OUT_OF_FOLD = 30;

    private AutoSearch() {
    }

    public static AutoResult run(CrossValidation cv, AutoPlan plan, SearchListener listener) {
        boolean higher = cv.metric().higherIsBetter();
        List<String> families = plan.learners().isEmpty()
                ? Portfolio.byCost(Learners.names().stream().filter(n -> Learners.supports(n, cv.task())).toList())
                : plan.learners();
        List<Proposal> portfolio = new ArrayList<>();
        for (String family : families) {
            portfolio.add(new Proposal(0, family, Map.of(), 1));
        }
        for (String family : families) {
            Portfolio.settings(family).stream().skip(1).forEach(s -> portfolio.add(new Proposal(0, family, s, 1)));
        }
        Map<String, TpeSampler> samplers = new LinkedHashMap<>();
        for (String family : families) {
            samplers.put(family, new TpeSampler(Learners.space(family), higher, 8));
        }
        long start = System.nanoTime();
        long deadline = plan.budget() == null ? Long.MAX_VALUE : start + plan.budget().toNanos();
        List<Trial> history = new ArrayList<>();
        Trial best = null;
        int sinceImprovement = 0;
        String reason = "trials";
        // One trial at a time gets every thread (large data: no batch waits for its slowest trial); else one each.
        boolean serial = plan.batch() == 1;
        try (TrialRunner runner = new TrialRunner(serial ? cv.withLearnerThreads(plan.threads()) : cv, plan.seed(),
                serial ? 1 : plan.threads())) {
            while (true) {
                long searchDeadline = deadline == Long.MAX_VALUE ? deadline : deadline - reserveNanos(history, cv, plan);
                if (plan.maxTrials() > 0 && history.size() >= plan.maxTrials()) {
                    reason = "trials";
                    break;
                }
                if (System.nanoTime() >= searchDeadline) {
                    reason = "budget";
                    break;
                }
                int size = plan.maxTrials() > 0 ? Math.min(plan.batch(), plan.maxTrials() - history.size()) : plan.batch();
                double secondsLeft = searchDeadline == Long.MAX_VALUE ? Double.POSITIVE_INFINITY
                        : (searchDeadline - System.nanoTime()) / 1e9;
                Batch next = nextBatch(history, portfolio, families, samplers, size, plan.seed(), higher, secondsLeft, cv.folds());
                boolean searching = next.searching();
                if (searching && plan.patience() > 0 && sinceImprovement >= plan.patience()) {
                    reason = "converged";
                    break;
                }
                if (next.proposals().isEmpty()) { // nothing fits in the time left, or every space looks exhausted
                    reason = Double.isInfinite(secondsLeft) ? "converged" : "budget";
                    break;
                }
                List<Proposal> batch = next.proposals();
                CrossValidation.Pruner pruner = searching
                        ? MedianPruner.of(history, cv.metric().label(), higher, cv.folds(), MedianPruner.MIN_TRIALS)
                        : CrossValidation.Pruner.NEVER;
                long abandon = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : searchDeadline + (deadline - searchDeadline) / 2;
                for (Trial trial : runner.run(batch, pruner, searchDeadline, abandon, true)) {
                    history.add(trial);
                    if (trial.isComplete() && !Double.isNaN(trial.score())
                            && (best == null || EnsembleSelection.better(trial.score(), best.score(), cv.metric()))) {
                        double noise = best == null ? 0 : 0.25 * best.scoreStd() / Math.sqrt(cv.folds());
                        sinceImprovement = best == null || Math.abs(trial.score() - best.score()) > noise ? 0 : sinceImprovement + 1;
                        best = trial;
                    } else {
                        sinceImprovement++;
                    }
                    listener.trialFinished(trial, best, history.size(), plan.maxTrials() > 0 ? plan.maxTrials() : -1,
                            Search.secondsLeft(deadline));
                }
                dropOutOfFold(history, higher);
            }
        }
        List<Trial> leaderboard = leaderboard(history, higher);
        if (leaderboard.isEmpty() || !leaderboard.get(0).isComplete()) {
            String why = history.stream().filter(t -> t.error() != null).map(Trial::error).findFirst().orElse("the budget ran out");
            throw new IllegalStateException("no learner completed its cross-validation: " + why);
        }
        double secondsLeft = deadline == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : (deadline - System.nanoTime()) / 1e9;
        return choose(leaderboard, cv, plan, (System.nanoTime() - start) / 1e9, reason, secondsLeft);
    }

    /** The proposals of the next batch, and whether they come from the search rather than the portfolio. */
    private record Batch(List<Proposal> proposals, boolean searching) {
    }

    /**
     * The next batch: portfolio settings not tried yet, in order, then TPE proposals, the slots going to the
     * families by rank ({@link #SLOTS}). A proposal whose estimated time ({@link #estimateSeconds}) exceeds
     * {@code secondsLeft} is skipped; the batch may then be short or empty.
     */
    private static Batch nextBatch(List<Trial> history, List<Proposal> portfolio, List<String> families,
                                   Map<String, TpeSampler> samplers, int size, long seed, boolean higher, double secondsLeft,
                                   int folds) {
        Set<String> tried = new HashSet<>();
        history.forEach(t -> tried.add(key(t.learner(), t.params())));
        List<Proposal> batch = new ArrayList<>();
        List<String> ranked = rankFamilies(history, families, higher);
        // Defaults first, then each family's next setting in turn, the best families first within a turn; the
        // costliest families (forests) start one turn late, so their defaults cannot starve the cheaper ones.
        List<Proposal> pending = new ArrayList<>(portfolio);
        pending.sort(java.util.Comparator.comparingInt((Proposal p) -> Portfolio.settings(p.learner()).indexOf(p.params())
                        + (Portfolio.cost(p.learner()) >= Portfolio.COSTLY ? 1 : 0))
                .thenComparingInt(p -> ranked.indexOf(p.learner())));
        for (Proposal p : pending) {
            if (batch.size() < size && !tried.contains(key(p.learner(), p.params()))
                    && fits(history, p.learner(), p.params(), folds, secondsLeft)) {
                batch.add(new Proposal(history.size() + batch.size(), p.learner(), p.params(), 1));
                tried.add(key(p.learner(), p.params()));
            }
        }
        if (!batch.isEmpty()) {
            return new Batch(batch, false);
        }
        for (int slot = 0; slot < size; slot++) {
            int index = history.size() + batch.size();
            var random = Search.random(seed, index);
            Proposal chosen = null;
            for (int r = 0; r < ranked.size() && chosen == null; r++) {
                String family = ranked.get((Math.min(SLOTS[slot % SLOTS.length], ranked.size() - 1) + r) % ranked.size());
                List<Trial> own = history.stream().filter(t -> t.learner().equals(family)).toList();
                for (int attempt = 0; attempt < 8 && chosen == null; attempt++) {
                    Map<String, String> point = samplers.get(family).propose(index, own, random);
                    if (fits(history, family, point, folds, secondsLeft) && tried.add(key(family, point))) {
                        chosen = new Proposal(index, family, point, 1);
                    }
                }
            }
            if (chosen != null) {
                batch.add(chosen);
            }
        }
        return new Batch(batch, true);
    }

    private static boolean fits(List<Trial> history, String learner, Map<String, String> params, int folds, double secondsLeft) {
        double estimate = estimateSeconds(history, learner, params, folds);
        return Double.isNaN(estimate) || estimate <= secondsLeft;
    }

    /**
     * The seconds a trial of {@code learner} with {@code params} should take: the family's mean fit time per
     * fold so far, scaled by the number of trees (100 when not given), times the folds; NaN before any fold
     * of the family was timed.
     */
    static double estimateSeconds(List<Trial> history, String learner, Map<String, String> params, int folds) {
        double perTreeFold = 0;
        int scored = 0;
        for (Trial t : history) {
            if (t.learner().equals(learner) && t.fitSeconds() > 0) { // an abandoned trial counts as one fold at least
                perTreeFold += t.fitSeconds() / trees(t.params());
                scored += Math.max(1, t.cv().folds().size());
            }
        }
        return scored == 0 ? Double.NaN : perTreeFold / scored * trees(params) * folds;
    }

    private static double trees(Map<String, String> params) {
        try {
            return params.containsKey("trees") ? Math.max(1, Double.parseDouble(params.get("trees"))) : 100;
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    /** Families by their best complete score, best first; families without one last, in the given order. */
    private static List<String> rankFamilies(List<Trial> history, List<String> families, boolean higher) {
        Map<String, Trial> bestOf = new LinkedHashMap<>();
        for (String family : families) {
            Trial best = SearchResult.best(history.stream().filter(t -> t.learner().equals(family)).toList(), higher);
            if (best != null) {
                bestOf.put(family, best);
            }
        }
        List<String> ranked = new ArrayList<>(bestOf.keySet());
        ranked.sort((a, b) -> SearchResult.ranking(higher).compare(bestOf.get(a), bestOf.get(b)));
        families.stream().filter(f -> !bestOf.containsKey(f)).forEach(ranked::add);
        return ranked;
    }

    private static String key(String learner, Map<String, String> params) {
        return learner + new java.util.TreeMap<>(params);
    }

    /** Time to keep for refitting the likely choice on all rows: the top five trials' fit time per fold, 1.5 times. */
    private static long reserveNanos(List<Trial> history, CrossValidation cv, AutoPlan plan) {
        List<Trial> top = leaderboard(history, cv.metric().higherIsBetter()).stream().filter(Trial::isComplete).limit(5).toList();
        double seconds = 0;
        for (Trial t : top) {
            seconds += 1.5 * t.fitSeconds() / cv.folds() * cv.folds() / Math.max(1, cv.folds() - 1);
        }
        long cap = plan.budget() == null ? Long.MAX_VALUE : plan.budget().toNanos() * 3 / 10;
        return Math.min(cap, (long) (seconds * 1e9));
    }

    /** Keeps the out-of-fold predictions of the best trials only. */
    private static void dropOutOfFold(List<Trial> history, boolean higher) {
        List<Trial> ranked = leaderboard(history, higher);
        Set<Integer> keep = new HashSet<>();
        ranked.stream().limit(KEEP_OUT_OF_FOLD).forEach(t -> keep.add(t.index()));
        perFamily(ranked, CANDIDATES_PER_FAMILY).forEach(t -> keep.add(t.index()));
        for (int i = 0; i < history.size(); i++) {
            Trial t = history.get(i);
            if (t.outOfFold() != null && !keep.contains(t.index())) {
                history.set(i, t.withoutOutOfFold());
            }
        }
    }

    /** The first {@code limit} trials of each learner in {@code ranked}, in ranked order. */
    private static List<Trial> perFamily(List<Trial> ranked, int limit) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Trial> out = new ArrayList<>();
        for (Trial t : ranked) {
            if (t.isComplete() && counts.merge(t.learner(), 1, Integer::sum) <= limit) {
                out.add(t);
            }
        }
        return out;
    }

    /** Complete trials best first, then the others by index. */
    static List<Trial> leaderboard(List<Trial> history, boolean higher) {
        List<Trial> complete = new ArrayList<>(history.stream()
                .filter(t -> t.isComplete() && t.rowFraction() >= 1 && !Double.isNaN(t.score())).toList());
        complete.sort(SearchResult.ranking(higher));
        List<Trial> out = new ArrayList<>(complete);
        history.stream().filter(t -> !complete.contains(t)).forEach(out::add);
        return out;
    }

    /**
     * The best trial, or a blend when it beats it out of fold. Under a budget, blend candidates must be cheap
     * enough to refit (and predict the bundle's reference rows) in the time left: each within half of it, and
     * the blend as a whole within all of it ({@link #refitSeconds}).
     */
    private static AutoResult choose(List<Trial> leaderboard, CrossValidation cv, AutoPlan plan, double seconds, String reason,
                                     double secondsLeft) {
        Trial best = leaderboard.get(0);
        List<Trial> candidates = perFamily(leaderboard.stream().filter(t -> t.isComplete() && t.outOfFold() != null)
                        .filter(t -> t == best || refitSeconds(t, cv) <= secondsLeft / 2).toList(),
                CANDIDATES_PER_FAMILY).stream().limit(CANDIDATES).toList();
        List<Trial> slim = leaderboard.stream().map(Trial::withoutOutOfFold).toList();
        if (!plan.ensemble() || candidates.size() < 2 || candidates.get(0) != best) {
            return new AutoResult(slim, List.of(best.withoutOutOfFold()), new double[] {1}, Double.NaN, Double.NaN, seconds, reason);
        }
        EnsembleSelection.Blend blend = EnsembleSelection.select(candidates.stream().map(Trial::outOfFold).toList(), cv.task(),
                cv.classes(), cv.metric(), cv.trueClasses(), cv.trueValues(), BLEND_ROUNDS);
        if (blend.members().size() < 2 || !EnsembleSelection.better(blend.score(), blend.singleScore(), cv.metric())) {
            return new AutoResult(slim, List.of(best.withoutOutOfFold()), new double[] {1}, blend.score(), blend.singleScore(),
                    seconds, reason);
        }
        List<Trial> members = blend.members().stream().map(i -> candidates.get(i).withoutOutOfFold()).toList();
        double refit = members.stream().mapToDouble(t -> refitSeconds(t, cv)).sum();
        if (refit > secondsLeft) {
            return new AutoResult(slim, List.of(best.withoutOutOfFold()), new double[] {1}, blend.score(), blend.singleScore(),
                    seconds, reason);
        }
        return new AutoResult(slim, members, blend.weights(), blend.score(), blend.singleScore(), seconds, reason);
    }

    /**
     * The seconds refitting {@code trial} on all rows should take: its fit time per fold scaled to all rows
     * ({@code k / (k - 1)}), twice for safety, plus predicting every row twice (the bundle's reference rows).
     */
    static double refitSeconds(Trial trial, CrossValidation cv) {
        int folds = Math.max(1, trial.cv().folds().size());
        double fit = trial.fitSeconds() / folds * cv.folds() / Math.max(1, cv.folds() - 1);
        double predict = Double.isNaN(trial.predictSecondsPerRow()) ? 0 : trial.predictSecondsPerRow() * cv.rows() * 2;
        return 2 * fit + predict;
    }
}
