package dev.kiln.workflow;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.eval.Fold;
import dev.kiln.eval.Metric;
import dev.kiln.learn.Model;
import dev.kiln.learn.TrainOptions;
import dev.kiln.tune.AutoPlan;
import dev.kiln.tune.SearchListener;
import dev.kiln.tune.SearchMethod;
import dev.kiln.tune.SearchPlan;
import dev.kiln.tune.Trial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The train stage of a run that cross-validates ({@code split.cv}, {@code train.search}, {@code train.budget}
 * or {@code train.learners: auto}): folds over the training and validation rows together, the preparation
 * fitted inside each fold, the learners compared (or searched) by their mean CV score, and the choice refitted,
 * preparation included, on all those rows before the test rows are scored.
 */
final class TuneStage {
    /** What the stage gives the rest of the run. */
    record Result(Preparation prep, Model model, dev.kiln.learn.Learner<?> learner, String label, int[] trainRows,
                  List<RunResult.LearnerResult> learners, TuningSummary summary, String description) {
    }

    /** How many leaderboard entries become the run's learner results. */
    private static final int REPORTED = 20;

    private TuneStage() {
    }

    static Result run(Spec spec, Problem problem, dev.kiln.eval.Split split, SearchListener listener) {
        int[] rows = union(split.train(), split.validation());
        Frame features = problem.features().take(rows);
        Column target = problem.target().take(rows);
        Spec.Split s = spec.split();
        Spec.Train train = spec.train();
        int k = train.search() != null && train.search().cv() > 0 ? train.search().cv() : s.cv() > 0 ? s.cv() : 5;
        List<Fold> folds = FoldPlanner.folds(features, target, problem.classes().size(), k, s.stratify(), s.group(), s.time(),
                s.repeats(), s.seed());
        Metric metric = Metric.fromLabel(spec.problem().metric());
        int threads = Runtime.getRuntime().availableProcessors();
        int trials = train.search() == null ? 0 : train.search().trials();
        boolean prune = train.search() == null || train.search().prune();
        AutoPlan auto = train.auto() ? new AutoPlan(List.of(), train.budget(), trials, AutoPlan.DEFAULT_PATIENCE, true,
                SearchPlan.DEFAULT_BATCH, train.seed(), threads) : null;
        SearchPlan search = null;
        if (!train.auto() && (train.search() != null || train.budget() != null)) {
            SearchMethod method = SearchMethod.fromLabel(train.search() == null ? "tpe" : train.search().method());
            search = new SearchPlan(method, trials > 0 ? trials : 40, train.budget(), prune, SearchPlan.DEFAULT_BATCH, train.seed(),
                    threads, "rows", 3);
        }
        var request = new Tuning.Request(folds, spec.prepare(), metric, s.seed(), threads, auto, train.learners(), search);
        Tuning.Outcome outcome = Tuning.run(features, target, spec.problem().target(), problem.task(), problem.classes(), request,
                listener);
        Preparation prep = Preparation.fit(features, target, spec.prepare(), s.seed());
        Model model = outcome.learner().fit(prep.train(), TrainOptions.of(spec.problem().target(), problem.task(), train.seed()));
        List<RunResult.LearnerResult> results = new ArrayList<>();
        for (Trial trial : outcome.summary().leaderboard().stream().limit(REPORTED).toList()) {
            Map<String, Double> metrics = new LinkedHashMap<>(trial.cv().mean());
            trial.cv().std().forEach((name, std) -> metrics.put(name + "_std", std));
            Map<String, Object> params = new LinkedHashMap<>(trial.params());
            results.add(new RunResult.LearnerResult(trial.label(), trial.learner(), params, trial.fitSeconds(), metrics));
        }
        TuningSummary summary = outcome.summary();
        String description = String.format(java.util.Locale.ROOT, "%d trials, %d folds (%s), %s %.4f ± %.4f, chose %s; refit on %d rows",
                summary.leaderboard().size(), folds.size(), summary.stopReason(), metric.label(), summary.leaderboard().get(0).score(),
                summary.leaderboard().get(0).scoreStd(), outcome.label(), rows.length);
        return new Result(prep, model, outcome.learner(), outcome.label(), rows, results, summary, description);
    }

    private static int[] union(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        Arrays.sort(out);
        return out;
    }
}
