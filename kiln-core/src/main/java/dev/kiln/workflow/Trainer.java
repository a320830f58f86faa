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
import java.io.IOException;
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

    private Trainer() {
    }

    /**
     * Trains as {@code request} says and writes the bundle to {@code out}, which must not exist.
     * {@link IllegalArgumentException} for an unknown learner or parameter, a learner that does not
     * support the task, or a {@code drop} column the data lacks; {@link dev.kiln.data.InvalidDataException}
     * for bad data or a missing target column.
     */
    public static Result train(Request request, Path out) throws IOException {
        Learner<?> learner = Learners.create(request.learner(), request.params());
        Map<String, Double> timings = new LinkedHashMap<>();
        long start = System.nanoTime();
        Frame raw = CsvReader.read(request.data(), request.csv());
        String dataHash = Hashes.sha256(request.data());
        start = lap(timings, "read", start);

        boolean unsupervised = request.task() != null && request.task().isUnsupervised();
        Problem problem = unsupervised ? Problem.unsupervised(raw, request.task()) : Problem.of(raw, request.target(), request.task());
        Checks.checkArgument(Learners.supports(request.learner(), problem.task()), "learner '%s' does not support %s",
                request.learner(), problem.task().label());
        for (String column : request.drop()) {
            Checks.checkArgument(problem.features().has(column), "--drop: no column '%s' in %s", column, request.data());
        }
        Preparation prep = Preparation.fit(problem.features(), problem.target(), Spec.Prepare.defaults().withDrop(request.drop()),
                request.seed());
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
        return new Result(manifest, problem.task(), train.rowCount(), train.columnCount() - (unsupervised ? 0 : 1), notes, timings);
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
