package dev.kiln.workflow;

import dev.kiln.bundle.Manifest;
import dev.kiln.data.Frame;
import dev.kiln.eval.Split;
import dev.kiln.eval.Splitter;
import dev.kiln.eval.UnsupervisedMetrics;
import dev.kiln.learn.Learner;
import dev.kiln.learn.Model;
import dev.kiln.learn.Task;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.catalog.Learners;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The split, prepare, train, evaluate and bundle stages of a run whose task has no target (clustering,
 * anomaly detection): a seeded random holdout, preparation fitted on the training rows without a target,
 * each learner fitted on them, scored by {@link UnsupervisedMetrics} on the validation rows (the test rows
 * when there are none), the best by the spec's metric kept (for anomaly detection, the first learner),
 * checked on the test rows against the acceptance rule, and bundled. Used by {@link WorkflowRunner}.
 */
final class UnsupervisedRun {
    private final Spec spec;
    private final String runId;
    private final String dataHash;
    private final Path outputDir;
    private final StageListener listener;
    private final Map<String, Double> timings;
    private final List<String> notes;
    private long stageStart;

    UnsupervisedRun(Spec spec, String runId, String dataHash, Path outputDir, StageListener listener, Map<String, Double> timings,
                    List<String> notes) {
        this.spec = spec;
        this.runId = runId;
        this.dataHash = dataHash;
        this.outputDir = outputDir;
        this.listener = listener;
        this.timings = timings;
        this.notes = notes;
    }

    private record Trained(String label, Learner<?> learner, Model model, double seconds) {
    }

    RunResult run(Frame raw, Path profile) throws IOException {
        Task task = spec.problem().unsupervisedTask();
        start();
        Problem problem = Problem.of(raw, spec);
        Spec.Split s = spec.split();
        Split split = Splitter.holdout(raw.rowCount(), s.validation(), s.test(), s.seed());
        finish("split", String.format("train %d, validation %d, test %d (random, seed %d)", split.train().length,
                split.validation().length, split.test().length, s.seed()));

        start();
        Preparation prep = Preparation.fit(problem.features().take(split.train()), null, spec.prepare(), s.seed());
        notes.addAll(prep.notes());
        Frame train = prep.train();
        finish("prepare", prep.summary(train.columnCount()));

        start();
        TrainOptions options = TrainOptions.unsupervised(task, spec.train().seed(), Runtime.getRuntime().availableProcessors());
        List<Trained> trained = new ArrayList<>();
        for (Spec.LearnerSpec learnerSpec : spec.train().learners()) {
            Learner<?> learner = Learners.create(learnerSpec.name(), learnerSpec.params());
            long t0 = System.nanoTime();
            Model model = learner.fit(train, options);
            trained.add(new Trained(learnerSpec.label(), learner, model, (System.nanoTime() - t0) / 1e9));
        }
        finish("train", String.join(", ", trained.stream().map(t -> t.label + String.format(" %.2fs", t.seconds)).toList()));

        start();
        int[] selectRows = split.validation().length > 0 ? split.validation() : split.test();
        if (split.validation().length == 0) {
            notes.add("no validation rows: learners were compared on the test rows");
        }
        String metric = spec.problem().metric();
        boolean higher = UnsupervisedMetrics.higherIsBetter(metric);
        List<RunResult.LearnerResult> results = new ArrayList<>();
        Trained best = null;
        double bestScore = Double.NaN;
        for (Trained t : trained) {
            Map<String, Double> metrics = UnsupervisedMetrics.all(t.model, prep.apply(problem.features().take(selectRows)));
            results.add(new RunResult.LearnerResult(t.label, t.learner.name(), t.learner.params(), t.seconds, metrics));
            double score = metrics.getOrDefault(metric, Double.NaN);
            boolean better = !Double.isNaN(score) && (Double.isNaN(bestScore) || (higher ? score > bestScore : score < bestScore));
            if (best == null || (task == Task.CLUSTERING && better)) {
                best = t;
                bestScore = score;
            }
        }
        Map<String, Double> testMetrics = UnsupervisedMetrics.all(best.model, prep.apply(problem.features().take(split.test())));
        boolean accepted = spec.problem().accept() == null || spec.problem().accept().test(testMetrics);
        finish("evaluate", String.format("best %s by %s %.4f on validation; test %s %.4f; %s", best.label, metric, bestScore, metric,
                testMetrics.getOrDefault(metric, Double.NaN), accepted ? "accepted" : "rejected"));

        start();
        Path bundleDir = outputDir.resolve("bundle");
        BundleBuilder builder = new BundleBuilder(spec, runId, dataHash, problem, prep, split);
        Manifest manifest = builder.build(best.model, best.learner, testMetrics).write(bundleDir);
        finish("bundle", bundleDir.toString());

        return new RunResult(spec.name(), task.label(), raw.rowCount(), split.train().length, split.validation().length,
                split.test().length, results, best.label, testMetrics, metric, accepted,
                spec.problem().accept() == null ? null : spec.problem().accept().toString(), bundleDir, profile, manifest, timings, notes);
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
