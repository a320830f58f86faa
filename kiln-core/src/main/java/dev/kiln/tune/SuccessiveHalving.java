package dev.kiln.tune;

import dev.kiln.learn.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Successive halving (Jamieson and Talwalkar 2016) and Hyperband (Li et al. 2018) over random
 * configurations. A bracket starts {@code n} configurations on a small resource, keeps the best
 * {@code 1/eta} of each rung and gives the survivors {@code eta} times the resource, up to the full one.
 * The resource is the share of each fold's training rows ({@code rows}) or the learner's number of trees
 * ({@code trees}, up to the maximum of its {@code trees} range, which is then not sampled). Halving runs one
 * bracket of {@link SearchPlan#trials()} configurations; Hyperband runs brackets from the most aggressive to
 * plain random search, with the same total. A rung is one parallel batch whose result is complete before
 * the next rung is chosen, so the trials never depend on the thread count.
 */
final class SuccessiveHalving {
    private SuccessiveHalving() {
    }

    static SearchResult run(CrossValidation cv, String learner, SearchSpace space, SearchPlan plan, SearchListener listener) {
        boolean trees = plan.resource().equals("trees");
        int maxTrees = trees ? maxTrees(space) : 0;
        SearchSpace sampled = trees ? new SearchSpace(space.dimensions().stream().filter(d -> !d.key().equals("trees")).toList())
                : space;
        RandomSampler sampler = new RandomSampler(sampled);
        int eta = plan.eta();
        int rungs = Math.max(1, (int) Math.floor(Math.log(plan.trials()) / Math.log(eta)) + 1);
        List<int[]> brackets = new ArrayList<>(); // {configurations, rungs}
        if (plan.method() == SearchMethod.HALVING) {
            brackets.add(new int[] {plan.trials(), rungs});
        } else {
            int left = plan.trials();
            for (int s = rungs - 1; s >= 0 && left > 0; s--) {
                int n = Math.min(left, (int) Math.ceil((double) rungs / (s + 1) * Math.pow(eta, s)));
                brackets.add(new int[] {n, s + 1});
                left -= n;
            }
        }
        boolean higher = cv.metric().higherIsBetter();
        long start = System.nanoTime();
        long deadline = plan.deadline(start);
        List<Trial> history = new ArrayList<>();
        String reason = "trials";
        int configuration = 0;
        try (TrialRunner runner = new TrialRunner(cv, plan.seed(), plan.threads())) {
            for (int[] bracket : brackets) {
                List<Map<String, String>> alive = new ArrayList<>();
                for (int c = 0; c < bracket[0]; c++, configuration++) {
                    alive.add(sampler.propose(configuration, List.of(), Search.random(plan.seed(), configuration)));
                }
                for (int rung = 0; rung < bracket[1] && !alive.isEmpty(); rung++) {
                    if (System.nanoTime() >= deadline) {
                        return new SearchResult(history, SearchResult.best(history, higher), seconds(start), "budget");
                    }
                    double resource = Math.pow(eta, rung - (bracket[1] - 1));
                    List<Proposal> batch = new ArrayList<>();
                    for (Map<String, String> point : alive) {
                        Map<String, String> params = new LinkedHashMap<>(point);
                        if (trees) {
                            params.put("trees", Integer.toString(Math.max(1, (int) Math.round(resource * maxTrees))));
                        }
                        batch.add(new Proposal(history.size() + batch.size(), learner, params, trees ? 1 : resource));
                    }
                    List<Trial> scored = runner.run(batch, CrossValidation.Pruner.NEVER, deadline, false);
                    for (Trial trial : scored) {
                        history.add(trial);
                        listener.trialFinished(trial, SearchResult.best(history, higher), history.size(), -1,
                                Search.secondsLeft(deadline));
                    }
                    alive = survivors(scored, alive, eta, higher);
                }
            }
        }
        if (history.stream().anyMatch(t -> t.status() == TrialStatus.TIMED_OUT)) {
            reason = "budget";
        }
        return new SearchResult(history, SearchResult.best(history, higher), seconds(start), reason);
    }

    /** The points of the best {@code max(1, n / eta)} scored trials, best first. */
    private static List<Map<String, String>> survivors(List<Trial> scored, List<Map<String, String>> points, int eta,
                                                      boolean higher) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            if (!Double.isNaN(scored.get(i).score()) && scored.get(i).status() == TrialStatus.COMPLETE) {
                order.add(i);
            }
        }
        order.sort((a, b) -> SearchResult.ranking(higher).compare(scored.get(a), scored.get(b)));
        int keep = Math.max(1, scored.size() / eta);
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; i < Math.min(keep, order.size()); i++) {
            out.add(points.get(order.get(i)));
        }
        return out;
    }

    private static int maxTrees(SearchSpace space) {
        for (SearchSpace.Dimension d : space.dimensions()) {
            if (d instanceof SearchSpace.IntRange r && d.key().equals("trees")) {
                return r.max();
            }
        }
        throw new IllegalArgumentException("resource trees: this learner has no trees range to search");
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
