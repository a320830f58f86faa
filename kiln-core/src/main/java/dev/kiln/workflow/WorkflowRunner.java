package dev.kiln.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kiln.bundle.Bundle;
import dev.kiln.bundle.Manifest;
import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.source.FrameConcat;
import dev.kiln.data.Frame;
import dev.kiln.data.FrameDigest;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.source.Source;
import dev.kiln.eval.DecisionThreshold;
import dev.kiln.eval.LearningCurve;
import dev.kiln.eval.Folds;
import dev.kiln.eval.Holdouts;
import dev.kiln.eval.Metric;
import dev.kiln.eval.Metrics;
import dev.kiln.eval.Split;
import dev.kiln.eval.Splitter;
import dev.kiln.explore.Exploration;
import dev.kiln.explore.ExplorationJson;
import dev.kiln.explore.Explorer;
import dev.kiln.report.HtmlReport;
import dev.kiln.learn.Learner;
import dev.kiln.learn.catalog.Learners;
import dev.kiln.learn.Model;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Targets;
import dev.kiln.learn.Task;
import dev.kiln.learn.TrainOptions;
import dev.kiln.monitor.DriftReference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a spec through every stage in order: collect, explore, split, prepare, train, evaluate,
 * select and accept, bundle. Writes {@code profile.json}, {@code profile.html}, {@code eval.html} (the evaluation report of
 * the chosen model on the test rows) and {@code bundle/} into the run's output
 * folder and reports each stage to a {@link StageListener}. Recording the run is the caller's job.
 */
public final class WorkflowRunner {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Spec spec;
    private final Collected data;
    private final String runId;
    private final String dataHash;
    private final Path outputDir;
    private final StageListener listener;
    private final Map<String, Double> timings = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private long stageStart;

    private WorkflowRunner(Spec spec, Collected data, String runId, Path outputDir, StageListener listener) {
        this.spec = spec;
        this.data = data;
        this.runId = runId;
        this.dataHash = data.snapshotId();
        this.outputDir = outputDir;
        this.listener = listener;
    }

    /**
     * Reads the spec's source, as the collect stage does when the caller has no stored snapshot: the frame, its
     * content hash ({@link FrameDigest}) as the snapshot id, and the time taken. {@code notes} receives the
     * source's notes, such as counts of skipped lines.
     */
    public static Collected collect(Spec spec, java.util.function.Consumer<String> notes) throws IOException {
        long t0 = System.nanoTime();
        Source source = spec.data().source();
        Frame frame = source.read(spec.sourceContext().withNotes(notes));
        return new Collected(frame, FrameDigest.sha256(frame), source.describe(), (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Runs {@code spec} on {@code data}, writing into {@code outputDir}. {@code runId} and the data's snapshot id
     * are recorded as the bundle's lineage.
     */
    public static RunResult run(Spec spec, Collected data, String runId, Path outputDir, StageListener listener)
            throws IOException {
        return new WorkflowRunner(spec, data, runId, outputDir, listener).run();
    }

    private RunResult run() throws IOException {
        String target = spec.problem().target();
        Frame raw = data.frame();
        timings.put("collect", data.seconds());
        listener.stageFinished("collect", data.seconds(), data.source() + ": " + raw.rowCount() + " rows x "
                + raw.columnCount() + " columns, snapshot " + data.snapshotId().substring(0, 12));

        start();
        Path profile = outputDir.resolve("profile.json");
        Exploration exploration = Explorer.explore(raw, target, null);
        ExplorationJson.write(exploration, profile);
        HtmlReport.write(exploration, spec.name() + ": " + data.source(), outputDir.resolve("profile.html"));
        exploration.warnings().stream().filter(w -> w.code().equals("target_leakage"))
                .forEach(w -> notes.add("explore: " + w.message()));
        finish("explore", raw.columnCount() + " columns profiled, " + exploration.warnings().size() + " warnings -> "
                + profile.getFileName() + ", profile.html");

        if (spec.problem().unsupervisedTask() != null) {
            return new UnsupervisedRun(spec, runId, dataHash, outputDir, listener, timings, notes).run(raw, profile);
        }
        start();
        int testFrom = raw.rowCount();
        if (spec.split().testFile() != null) {
            raw = withTestFile(raw);
        }
        Problem problem = Problem.of(raw, spec);
        notes.addAll(problem.notes());
        Split split = spec.split().testFile() == null ? split(problem) : splitWithTestFile(raw, problem, testFrom);
        finish("split", String.format("train %d, validation %d, test %d (%s, seed %d)", split.train().length,
                split.validation().length, split.test().length, spec.split().stratify() ? "stratified" : "random", spec.split().seed()));

        if (spec.train().tunes() || spec.split().cv() > 0) {
            return runTuned(raw, problem, split, target);
        }

        start();
        Preparation prep = Preparation.fit(problem.features().take(split.train()), problem.target().take(split.train()),
                spec.prepare(), spec.split().seed());
        notes.addAll(prep.notes());
        Frame train = prep.train();
        finish("prepare", prep.summary(train.columnCount() - 1));

        start();
        List<Trained> trained = train(train, problem.task());
        finish("train", String.join(", ", trained.stream().map(t -> t.label + String.format(" %.2fs", t.seconds)).toList()));

        start();
        int[] selectRows = split.validation().length > 0 ? split.validation() : split.test();
        if (split.validation().length == 0) {
            notes.add("no validation rows: learners were compared on the test rows");
        }
        Metric metric = Metric.fromLabel(spec.problem().metric());
        List<RunResult.LearnerResult> results = new ArrayList<>();
        Trained best = null;
        double bestScore = Double.NaN;
        for (Trained t : trained) {
            Map<String, Double> metrics = evaluate(t.model, prep, problem, selectRows);
            results.add(new RunResult.LearnerResult(t.label, t.learner.name(), t.learner.params(), t.seconds, metrics));
            double score = metrics.getOrDefault(metric.label(), Double.NaN);
            if (best == null || better(score, bestScore, metric)) {
                best = t;
                bestScore = score;
            }
        }
        EvaluationStage evaluation = new EvaluationStage(spec, problem, prep);
        DecisionThreshold.Choice threshold = evaluation.threshold(best.model, selectRows);
        if (threshold != null) {
            notes.add(String.format(java.util.Locale.ROOT, "decision threshold %.4f chosen for %s on the %s rows (%s %.4f)",
                    threshold.threshold(), threshold.rule(), split.validation().length > 0 ? "validation" : "test",
                    threshold.rule(), threshold.score()));
        }
        Map<String, Double> testMetrics = evaluation.metrics(best.model, threshold, split.test());
        boolean accepted = spec.problem().accept() == null || spec.problem().accept().test(testMetrics);
        LearningCurve curve = evaluation.learningCurve(best.learner, best.model, selectRows);
        BundleBuilder builder = new BundleBuilder(spec, runId, dataHash, problem, prep, split);
        Bundle bundle = builder.build(best.model, best.learner, testMetrics, threshold == null ? Double.NaN : threshold.threshold());
        evaluation.writeReport(bundle.pipeline(), split.test(), results, best.label, curve, threshold, notes, outputDir);
        finish("evaluate", String.format("best %s by %s %.4f on validation; test %s %.4f; %s; %s -> %s", best.label, metric.label(),
                bestScore, metric.label(), testMetrics.getOrDefault(metric.label(), Double.NaN), accepted ? "accepted" : "rejected",
                curve.verdict().kind().replace('_', ' '), EvaluationStage.REPORT));

        start();
        Path bundleDir = outputDir.resolve("bundle");
        Manifest manifest = bundle.write(bundleDir);
        finish("bundle", bundleDir.toString());

        return new RunResult(spec.name(), problem.task().label(), raw.rowCount(), split.train().length,
                split.validation().length, split.test().length, results, best.label, testMetrics, metric.label(),
                accepted, spec.problem().accept() == null ? null : spec.problem().accept().toString(), bundleDir,
                profile, manifest, timings, notes);
    }

    /** The train, evaluate and bundle stages when the run cross-validates (see {@link TuneStage}). */
    private RunResult runTuned(Frame raw, Problem problem, Split split, String target) throws IOException {
        start();
        TuneStage.Result tuned = TuneStage.run(spec, problem, split, dev.kiln.tune.SearchListener.NONE);
        notes.addAll(tuned.prep().notes());
        finish("train", tuned.description());

        start();
        Metric metric = Metric.fromLabel(spec.problem().metric());
        EvaluationStage evaluation = new EvaluationStage(spec, problem, tuned.prep());
        Map<String, Double> testMetrics = evaluation.metrics(tuned.model(), null, split.test());
        boolean accepted = spec.problem().accept() == null || spec.problem().accept().test(testMetrics);
        Split refit = new Split(tuned.trainRows(), new int[0], split.test());
        BundleBuilder builder = new BundleBuilder(spec, runId, dataHash, problem, tuned.prep(), refit);
        Bundle bundle = builder.build(tuned.model(), tuned.learner(), testMetrics);
        List<String> reportNotes = new ArrayList<>(notes);
        reportNotes.add("the leaderboard's scores are cross-validated; no learning curve is drawn for a tuned run");
        if (spec.problem().threshold() != null) {
            notes.add("problem.threshold: not applied: a cross-validated run keeps no validation rows to choose it on");
        }
        evaluation.writeReport(bundle.pipeline(), split.test(), tuned.learners(), tuned.label(), null, null, reportNotes, outputDir);
        finish("evaluate", String.format("best %s by CV %s %.4f; test %s %.4f; %s -> %s", tuned.label(), metric.label(),
                tuned.summary().leaderboard().get(0).score(), metric.label(), testMetrics.getOrDefault(metric.label(), Double.NaN),
                accepted ? "accepted" : "rejected", EvaluationStage.REPORT));

        start();
        Path bundleDir = outputDir.resolve("bundle");
        Manifest manifest = bundle.write(bundleDir);
        finish("bundle", bundleDir.toString());
        return new RunResult(spec.name(), problem.task().label(), raw.rowCount(), tuned.trainRows().length, 0,
                split.test().length, tuned.learners(), tuned.label(), testMetrics, metric.label(), accepted,
                spec.problem().accept() == null ? null : spec.problem().accept().toString(), bundleDir,
                outputDir.resolve("profile.json"), manifest, timings, notes);
    }

    /** {@code raw} with the rows of {@code split.test_file} appended, read with the same kinds and missing tokens. */
    private Frame withTestFile(Frame raw) throws IOException {
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        raw.columns().forEach(c -> kinds.put(c.name(), c.kind()));
        Path file = spec.split().testFile();
        Frame test = CsvReader.read(file, CsvOptions.defaults().withMissing(spec.data().missing()).withKinds(kinds));
        notes.add("split: " + test.rowCount() + " test rows from " + file);
        return FrameConcat.concat(List.of(raw, test), List.of(data.source(), file.toString()));
    }

    /** The rows from the data file are split into train and validation; the test file's rows are the test part. */
    private Split splitWithTestFile(Frame raw, Problem problem, int testFrom) {
        int[] present = Targets.presentRows(raw.column(spec.problem().target()));
        int[] own = java.util.stream.IntStream.range(0, present.length).filter(p -> present[p] < testFrom).toArray();
        int[] test = java.util.stream.IntStream.range(0, present.length).filter(p -> present[p] >= testFrom).toArray();
        Problem trainPart = new Problem(problem.task(), problem.classes(), problem.features().take(own),
                problem.target().take(own), problem.notes());
        Split inner = split(trainPart);
        int[] train = java.util.Arrays.stream(inner.train()).map(i -> own[i]).toArray();
        int[] validation = java.util.Arrays.stream(inner.validation()).map(i -> own[i]).toArray();
        return new Split(train, validation, test);
    }

    private Split split(Problem problem) {
        Spec.Split s = spec.split();
        if (s.time() != null) {
            return Holdouts.byTime(Folds.timeOrder(FoldPlanner.times(problem.features(), s.time())), s.validation(), s.test());
        }
        if (s.group() != null) {
            return Holdouts.byGroup(FoldPlanner.groupCodes(problem.features(), s.group()), s.validation(), s.test(), s.seed());
        }
        if (s.stratify() && problem.task().isClassification()) {
            CategoricalColumn y = (CategoricalColumn) problem.target();
            return Splitter.stratified(y.toCodes(), problem.classes().size(), s.validation(), s.test(), s.seed());
        }
        return Splitter.holdout(problem.target().size(), s.validation(), s.test(), s.seed());
    }

    private record Trained(String label, Learner<?> learner, Model model, double seconds) {
    }

    private List<Trained> train(Frame train, Task task) {
        TrainOptions options = TrainOptions.of(spec.problem().target(), task, spec.train().seed());
        List<Trained> out = new ArrayList<>();
        for (Spec.LearnerSpec learnerSpec : spec.train().learners()) {
            Learner<?> learner = Learners.create(learnerSpec.name(), learnerSpec.params());
            long t0 = System.nanoTime();
            Model model = learner.fit(train, options);
            out.add(new Trained(learnerSpec.label(), learner, model, (System.nanoTime() - t0) / 1e9));
        }
        return out;
    }

    private static Map<String, Double> evaluate(Model model, Preparation prep, Problem problem, int[] rows) {
        Predictions predictions = model.predict(prep.apply(problem.features().take(rows)));
        Column truth = problem.target().take(rows);
        if (problem.task().isClassification()) {
            return Metrics.all(problem.task(), predictions, ((CategoricalColumn) truth).toCodes());
        }
        return Metrics.all(problem.task(), predictions, ((NumericColumn) truth).toArray());
    }

    private static boolean better(double score, double best, Metric metric) {
        if (Double.isNaN(score)) {
            return false;
        }
        if (Double.isNaN(best)) {
            return true;
        }
        return metric.higherIsBetter() ? score > best : score < best;
    }

    private void start() {
        stageStart = System.nanoTime();
    }

    private void finish(String stage, String summary) {
        double seconds = (System.nanoTime() - stageStart) / 1e9;
        timings.put(stage, seconds);
        listener.stageFinished(stage, seconds, summary);
    }
}
