package dev.kiln.workflow;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.eval.Fold;
import dev.kiln.eval.Metric;
import dev.kiln.learn.Learner;
import dev.kiln.learn.Task;
import dev.kiln.learn.catalog.Learners;
import dev.kiln.learn.ensemble.EnsembleLearner;
import dev.kiln.tune.AutoPlan;
import dev.kiln.tune.AutoResult;
import dev.kiln.tune.AutoSearch;
import dev.kiln.tune.CrossValidation;
import dev.kiln.tune.FoldData;
import dev.kiln.tune.Search;
import dev.kiln.tune.SearchListener;
import dev.kiln.tune.SearchPlan;
import dev.kiln.tune.SearchResult;
import dev.kiln.tune.Trial;
import java.util.ArrayList;
import java.util.List;

/**
 * Tuning on a problem's training rows, shared by {@code kiln train} and the train stage of a run: prepares
 * every fold (the preparation fitted inside the fold, {@link FoldPreparer}), then searches one learner's
 * space ({@link Search}) or across families ({@link AutoSearch}), and returns the unfitted learner of the
 * choice (one learner, or an {@link EnsembleLearner} of a blend) for the caller to refit on all training rows.
 */
final class Tuning {
    /** The outcome: the learner to refit and what the search found. */
    record Outcome(Learner<?> learner, String label, TuningSummary summary) {
    }

    /**
     * What to tune: the folds over the training rows, the preparation and metric, and either an
     * {@link AutoPlan} (auto != null), or the listed learners, each searched with {@code search} (its budget
     * shared evenly between them) or, without a search, cross-validated as written.
     */
    record Request(List<Fold> folds, Spec.Prepare prepare, Metric metric, long seed, int threads, AutoPlan auto,
                   List<Spec.LearnerSpec> learners, SearchPlan search) {
        Request {
            learners = List.copyOf(learners);
        }
    }

    private Tuning() {
    }

    static Outcome run(Frame features, Column target, String targetName, Task task, List<String> classes, Request request,
                       SearchListener listener) {
        long t0 = System.nanoTime();
        List<FoldData> folds = FoldPreparer.prepare(features, target, request.folds(), request.prepare(), request.seed(),
                request.threads());
        var cv = new CrossValidation(folds, targetName, task, classes, request.metric(), features.rowCount());
        double prepareSeconds = (System.nanoTime() - t0) / 1e9;
        if (request.auto() != null) {
            return auto(cv, request, listener, t0, prepareSeconds);
        }
        List<Trial> all = new ArrayList<>();
        double searchSeconds = 0;
        String reason = "trials";
        for (int l = 0; l < request.learners().size(); l++) {
            Spec.LearnerSpec spec = request.learners().get(l);
            if (request.search() == null) {
                Trial trial = cv.evaluate(all.size(), spec.name(), spec.params(), request.seed(), 1,
                        CrossValidation.Pruner.NEVER, Long.MAX_VALUE, false);
                listener.trialFinished(trial, trial, all.size() + 1, request.learners().size(), -1);
                all.add(trial);
                continue;
            }
            SearchPlan plan = request.search();
            if (plan.budget() != null) {
                int left = request.learners().size() - l;
                java.time.Duration share = plan.budget().minusNanos(System.nanoTime() - t0).dividedBy(left);
                plan = new SearchPlan(plan.method(), plan.trials(), share.isNegative() || share.isZero()
                        ? java.time.Duration.ofMillis(1) : share, plan.prune(), plan.batch(), plan.seed(), plan.threads(),
                        plan.resource(), plan.eta());
            }
            SearchResult result = Search.run(cv, spec.name(), Learners.space(spec.name()), plan, listener);
            int offset = all.size();
            result.trials().forEach(t -> all.add(renumber(t, offset)));
            searchSeconds += result.seconds();
            reason = result.stopReason();
        }
        List<Trial> board = new ArrayList<>(all.stream().filter(t -> t.isComplete() && t.rowFraction() >= 1
                && !Double.isNaN(t.score())).sorted((a, b) -> compare(a, b, request.metric())).toList());
        all.stream().filter(t -> !board.contains(t)).forEach(board::add);
        if (board.isEmpty() || !board.get(0).isComplete()) {
            String why = all.stream().filter(t -> t.error() != null).map(Trial::error).findFirst().orElse("the budget ran out");
            throw new IllegalStateException("no learner completed its cross-validation: " + why);
        }
        Trial best = board.get(0);
        return new Outcome(Learners.create(best.learner(), best.params()), best.label(), new TuningSummary(request.metric().label(),
                folds.size(), board, best.label(), List.of(best), new double[] {1}, Double.NaN, Double.NaN, prepareSeconds,
                searchSeconds, reason));
    }

    private static Outcome auto(CrossValidation cv, Request request, SearchListener listener, long t0, double prepareSeconds) {
        AutoPlan plan = request.auto();
        if (plan.budget() != null) { // the fold preparation came out of the budget
            var left = plan.budget().minusNanos(System.nanoTime() - t0);
            plan = new AutoPlan(plan.learners(), left.isNegative() || left.isZero() ? java.time.Duration.ofMillis(1) : left,
                    plan.maxTrials(), plan.patience(), plan.ensemble(), plan.batch(), plan.seed(), plan.threads());
        }
        AutoResult result = AutoSearch.run(cv, plan, listener);
        List<Trial> members = result.chosen();
        Learner<?> learner;
        String label;
        if (members.size() == 1) {
            learner = Learners.create(members.get(0).learner(), members.get(0).params());
            label = members.get(0).label();
        } else {
            List<Learner<?>> learners = new ArrayList<>();
            members.forEach(t -> learners.add(Learners.create(t.learner(), t.params())));
            learner = new EnsembleLearner(learners, members.stream().map(Trial::label).toList(), result.weights());
            label = "ensemble of " + members.size();
        }
        return new Outcome(learner, label, new TuningSummary(request.metric().label(), cv.folds(), result.leaderboard(),
                label, members, result.weights(), result.blendScore(), result.singleScore(), prepareSeconds,
                result.seconds(), result.stopReason()));
    }

    private static Trial renumber(Trial t, int offset) {
        return new Trial(t.index() + offset, t.learner(), t.params(), t.rowFraction(), t.status(), t.cv(), t.score(), t.scoreStd(),
                t.fitSeconds(), t.predictSecondsPerRow(), t.outOfFold(), t.error());
    }

    private static int compare(Trial a, Trial b, Metric metric) {
        int byScore = metric.higherIsBetter() ? Double.compare(b.score(), a.score()) : Double.compare(a.score(), b.score());
        return byScore != 0 ? byScore : Integer.compare(a.index(), b.index());
    }
}
