package dev.kiln.workflow;

import dev.kiln.bundle.Manifest;
import dev.kiln.data.Checks;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Frame;
import dev.kiln.data.Hashes;
import dev.kiln.learn.Learner;
import dev.kiln.learn.Model;
import dev.kiln.learn.Task;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.catalog.Learners;
import dev.kiln.eval.Fold;
import dev.kiln.eval.Metric;
import dev.kiln.tune.AutoPlan;
import dev.kiln.tune.SearchListener;
import dev.kiln.tune.SearchMethod;
import dev.kiln.tune.SearchPlan;
import java.io.IOException;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Trains one learner on every row of one CSV file and writes its bundle: what {@code kiln train} does,
 * with the same problem inference, automatic preparation (drop, impute, one-hot) and bundle as a
 * workflow run, but no split, no evaluation and no run record (the lineage has no run id or spec hash).
 * The drift reference is fitted on at most {@value #REFERENCE_ROWS} evenly spaced training rows.
 * Stateless; each call times its stages.
 */
public final class Trainer {
    /** Default PSI thresholds of the drift reference, as a spec without {@code monitor} gets. */
    private static final double DRIFT_WARN = 0.1;
    private static final double DRIFT_ALERT = 0.25;
    /** At most this many training rows, evenly spaced, make the drift reference and its predictions. */
    static final int REFERENCE_ROWS = 100_000;

    /**
     * What to train.
     *
     * @param target the column to predict; null for clustering and anomaly detection, which have none
     * @param task the task, or null to infer it from the target
     * @param params the learner's hyper-parameters as spec strings; absent keys take defaults
     * @param drop columns not to use as features
     * @param threads how many threads the learner may use (the model does not depend on it)
     */
    public record Request(Path data, CsvOptions csv, String target, Task task, String learner, Map<String, String> params,
                          List<String> drop, long seed, int threads) {
        public Request {
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(csv, "csv");
            Checks.checkArgument(target != null || (task != null && task.isUnsupervised()), "--target: required for %s",
                    task == null ? "an inferred task" : task.label());
            Checks.checkArgument(target == null || task == null || !task.isUnsupervised(),
                    "--target: %s has no target (use --drop to leave columns out)", task == null ? "" : task.label());
            Objects.requireNonNull(learner, "learner");
            params = Map.copyOf(params);
            drop = List.copyOf(drop);
            Checks.checkArgument(threads >= 1, "threads: expected an integer >= 1, got %s", threads);
        }
    }

    /**
     * What was trained: the written manifest, the task, the training rows, the model features (after
     * preparation), notes (dropped columns, left-out rows) and the seconds of each stage: {@code read},
     * {@code prepare}, {@code train}, {@code write}.
     */
    public record Result(Manifest manifest, Task task, int rows, int features, List<String> notes,
                         Map<String, Double> timings) {
        public Result {
            notes = List.copyOf(notes);
            timings = Map.copyOf(timings);
        }
    }

    /**
     * How to tune instead of training one fixed configuration: with learner {@code auto} a search across
     * every learner family that supports the task, otherwise a search of the request's learner. The
     * parameters the request gives stay fixed only without tuning.
     *
     * @param budget the wall-clock budget of the whole command, or null for none
     * @param method the search method for one learner (grid, random, tpe, halving, hyperband); ignored by auto
     * @param trials the number of trials (0: until the budget or convergence for auto, 40 for one learner)
     * @param folds cross-validation folds (0 for 5, or 3 above {@value #LARGE_ROWS} rows)
     * @param metric the metric that ranks trials, or null for ROC-AUC (binary), log loss (multiclass), RMSE
     * @param ensemble whether auto may choose a blend of its best trials
     */
    public record Tune(Duration budget, SearchMethod method, int trials, int folds, String metric, boolean ensemble) {
        public Tune {
            Checks.checkArgument(trials >= 0, "--trials: expected an integer >= 0, got %s", trials);
            Checks.checkArgument(folds == 0 || folds >= 2, "--cv: expected an integer >= 2, got %s", folds);
            Checks.checkArgument(metric == null || Metric.fromLabel(metric) != null, "--metric: unknown metric '%s' (known: %s)",
                    metric, String.join(", ", Metric.labels()));
        }
    }

    /** What a tuned training gives: the trained result and what the search found. */
    public record Tuned(Result result, TuningSummary tuning) {
    }

    /** Above this many rows a search uses 3 folds and runs one trial at a time on every thread. */
    static final int LARGE_ROWS = 10_000;

    /** The learner name that asks for a search across learner families. */
    public static final String AUTO = "auto";

    private Trainer() {
    }

    /**
     * Trains as {@code request} says and writes the bundle to {@code out}, which must not exist.
     * {@link IllegalArgumentException} for an unknown learner or parameter, a learner that does not
     * support the task, or a {@code drop} column the data lacks; {@link dev.kiln.data.InvalidDataException}
     * for bad data or a missing target column.
     */
    public static Result train(Request request, Path out) throws IOException {
        return train(request, null, out, SearchListener.NONE).result();
    }

    /**
     * Like {@link #train(Request, Path)}, tuning first when {@code tune} is given or the learner is
     * {@value #AUTO}: cross-validation with the preparation fitted inside each fold, then the choice refitted on
     * every row. The timings gain {@code tune}; {@code listener} hears about each trial.
     */
    public static Tuned train(Request request, Tune tune, Path out, SearchListener listener) throws IOException {
        long started = System.nanoTime();
        boolean auto = AUTO.equals(request.learner());
        Tune tuning = auto && tune == null ? new Tune(null, SearchMethod.TPE, 0, 0, null, true) : tune;
        Learner<?> learner = auto ? null : Learners.create(request.learner(), tuning == null ? request.params() : Map.of());
        Map<String, Double> timings = new LinkedHashMap<>();
        long start = System.nanoTime();
        Frame raw = CsvReader.read(request.data(), request.csv());
        String dataHash = Hashes.sha256(request.data());
        start = lap(timings, "read", start);

        boolean unsupervised = request.task() != null && request.task().isUnsupervised();
        Problem problem = unsupervised ? Problem.unsupervised(raw, request.task()) : Problem.of(raw, request.target(), request.task());
        Checks.checkArgument(auto || Learners.supports(request.learner(), problem.task()), "learner '%s' does not support %s",
                request.learner(), problem.task().label());
        Checks.checkArgument(!unsupervised || tuning == null, "searches and --learner auto need a labelled task, not %s",
                problem.task().label());
        for (String column : request.drop()) {
            Checks.checkArgument(problem.features().has(column), "--drop: no column '%s' in %s", column, request.data());
        }
        Spec.Prepare prepare = Spec.Prepare.defaults().withDrop(request.drop());
        TuningSummary summary = null;
        if (tuning != null) {
            Tuning.Outcome outcome = tune(request, tuning, problem, prepare, started, listener);
            learner = outcome.learner();
            summary = outcome.summary();
            start = lap(timings, "tune", start);
        }
        Preparation prep = Preparation.fit(problem.features(), problem.target(), prepare, request.seed());
        Frame train = prep.train();
        start = lap(timings, "prepare", start);

        var options = unsupervised ? TrainOptions.unsupervised(problem.task(), request.seed(), request.threads())
                : new TrainOptions(request.target(), problem.task(), request.seed(), request.threads());
        Model model = learner.fit(train, options);
        start = lap(timings, "train", start);

        var context = new BundleBuilder.Context(modelName(request.data()), null, dataHash, null, request.seed(), DRIFT_WARN, DRIFT_ALERT);
        Frame sample = problem.features().take(evenlySpaced(problem.features().rowCount(), REFERENCE_ROWS));
        var builder = new BundleBuilder(context, problem, prep, problem.features(), sample, sample);
        Manifest manifest = builder.build(model, learner, Map.of()).write(out);
        lap(timings, "write", start);

        List<String> notes = new ArrayList<>(problem.notes());
        notes.addAll(prep.notes());
        return new Tuned(new Result(manifest, problem.task(), train.rowCount(), train.columnCount() - (unsupervised ? 0 : 1), notes, timings), summary);
    }

    private static Tuning.Outcome tune(Request request, Tune tune, Problem problem, Spec.Prepare prepare, long started,
                                       SearchListener listener) {
        Task task = problem.task();
        Metric metric = tune.metric() != null ? Metric.fromLabel(tune.metric()) : defaultMetric(task);
        Checks.checkArgument(metric.appliesTo(task), "--metric: %s does not apply to %s", metric.label(), task.label());
        int rows = problem.features().rowCount();
        int k = tune.folds() > 0 ? tune.folds() : rows > LARGE_ROWS ? 3 : 5;
        Checks.checkArgument(rows >= 2 * k, "tuning with %s folds needs at least %s rows, got %s", k, 2 * k, rows);
        List<Fold> folds = FoldPlanner.folds(problem.features(), problem.target(), problem.classes().size(), k,
                task.isClassification(), null, null, 1, request.seed());
        Duration budget = tune.budget() == null ? null : tune.budget().minusNanos(System.nanoTime() - started);
        if (budget != null && (budget.isNegative() || budget.isZero())) {
            budget = Duration.ofMillis(1);
        }
        boolean auto = AUTO.equals(request.learner());
        AutoPlan autoPlan = auto ? new AutoPlan(List.of(), budget, tune.trials(), AutoPlan.DEFAULT_PATIENCE, tune.ensemble(),
                rows > LARGE_ROWS ? 1 : SearchPlan.DEFAULT_BATCH, request.seed(), request.threads()) : null;
        SearchPlan searchPlan = auto ? null : SearchPlan.of(tune.method() == null ? SearchMethod.TPE : tune.method(),
                tune.trials() > 0 ? tune.trials() : 40, budget, request.seed(), request.threads());
        var tuningRequest = new Tuning.Request(folds, prepare, metric, request.seed(), request.threads(), autoPlan,
                auto ? List.of() : List.of(new Spec.LearnerSpec(request.learner(), Map.of())), searchPlan);
        return Tuning.run(problem.features(), problem.target(), request.target(), task, problem.classes(), tuningRequest, listener);
    }

    /** The metric that ranks trials by default: ROC-AUC for binary, log loss for multiclass, RMSE for regression. */
    static Metric defaultMetric(Task task) {
        return switch (task) {
            case BINARY -> Metric.ROC_AUC;
            case MULTICLASS -> Metric.LOG_LOSS;
            case REGRESSION -> Metric.RMSE;
            case CLUSTERING, ANOMALY -> throw new IllegalArgumentException("no metric ranks " + task.label() + " trials");
        };
    }

    /** {@code min(rows, count)} row indexes spread evenly over {@code [0, rows)}, in order. */
    static int[] evenlySpaced(int rows, int count) {
        int n = Math.min(rows, count);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) ((long) i * rows / n);
        }
        return out;
    }

    /** The data file's name without its extensions: the bundle's name. */
    private static String modelName(Path data) {
        String file = data.getFileName().toString();
        int dot = file.indexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    private static long lap(Map<String, Double> timings, String stage, long start) {
        long now = System.nanoTime();
        timings.put(stage, (now - start) / 1e9);
        return now;
    }
}
