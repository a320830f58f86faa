package dev.kiln.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.CsvOptions;
import dev.kiln.learn.Task;
import dev.kiln.tune.SearchMethod;
import dev.kiln.tune.Trial;
import dev.kiln.workflow.Budget;
import dev.kiln.workflow.Trainer;
import dev.kiln.workflow.TuningSummary;
import java.time.Duration;
import java.util.Locale;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiln train --data TRAIN.csv --target COL --learner NAME --out MODEL}: one learner on every
 * row of one file, with the workflow's automatic preparation, written as a bundle. No run is recorded.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train one learner on a CSV file (automatic preparation: impute, one-hot) and write a model bundle.")
final class TrainCommand extends KilnCommand {
    @Option(names = "--data", required = true, paramLabel = "CSV", description = "The training data (CSV, optionally .gz).")
    Path data;

    @Option(names = "--target", paramLabel = "COL",
            description = "The column to predict (required unless the task is clustering or anomaly).")
    String target;

    @Option(names = "--task", paramLabel = "TASK",
            description = "binary, multiclass, regression (default: inferred from the target), clustering or anomaly (no target).")
    String task;

    @Option(names = "--learner", required = true, paramLabel = "NAME",
            description = "The learner, for instance logistic or tree; auto searches across every learner family.")
    String learner;

    @Option(names = "--budget", paramLabel = "TIME", description = "Wall-clock budget of a search, such as 90s, 2m or 1h.")
    String budget;

    @Option(names = "--search", paramLabel = "METHOD",
            description = "Tune the learner by cross-validation: grid, random, tpe, halving or hyperband.")
    String search;

    @Option(names = "--trials", paramLabel = "N", description = "Trials of a search (default: 40; auto: until the budget or convergence).")
    int trials;

    @Option(names = "--cv", paramLabel = "K", description = "Cross-validation folds of a search (default: 5).")
    int folds;

    @Option(names = "--metric", paramLabel = "NAME",
            description = "The metric a search ranks by (default: roc_auc for binary, log_loss for multiclass, rmse).")
    String metric;

    @Option(names = "--no-ensemble", description = "With auto, never choose a blend of the best trials.")
    boolean noEnsemble;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "A hyper-parameter of the learner (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--threads", paramLabel = "N", description = "Threads the learner may use (default: the processor count).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--seed", paramLabel = "S", description = "The seed of every random choice (default: 0).")
    long seed;

    @Option(names = "--missing", paramLabel = "TOKEN",
            description = "A token that means a missing value, besides empty, NA, N/A, NaN and null (repeatable).")
    List<String> missing = new ArrayList<>();

    @Option(names = "--drop", paramLabel = "COL", description = "A column not to use as a feature (repeatable).")
    List<String> drop = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The bundle folder to write; must not exist.")
    Path out;

    @Override
    int execute() throws Exception {
        Task parsedTask = parseTask();
        var request = new Trainer.Request(data, CsvOptions.defaults().withMissing(missing), target, parsedTask, learner,
                params, drop, seed, threads);
        Trainer.Tune tune = tune();
        TuneProgress progress = new TuneProgress(common.json || System.console() == null ? null : err(),
                metric == null ? "cv" : metric);
        Trainer.Tuned tuned;
        try {
            tuned = Trainer.train(request, tune, out, progress);
        } finally {
            progress.done();
        }
        Trainer.Result result = tuned.result();
        if (tuned.tuning() != null) {
            return printTuned(result, tuned.tuning());
        }
        if (common.json) {
            ObjectNode json = RunCommand.JSON.createObjectNode().put("learner", learner).put("task", result.task().label())
                    .put("rows", result.rows()).put("features", result.features()).put("out", out.toString());
            for (String stage : List.of("read", "prepare", "train", "write")) {
                json.put(stage + "_s", result.timings().get(stage));
            }
            json.putPOJO("notes", result.notes());
            out().println(json.toPrettyString());
        } else {
            result.notes().forEach(note -> out().println("note: " + note));
            out().printf("%s (%s): %d rows x %d features; read %.2f s, prepare %.2f s, train %.2f s, write %.2f s -> %s%n",
                    learner, result.task().label(), result.rows(), result.features(), result.timings().get("read"),
                    result.timings().get("prepare"), result.timings().get("train"), result.timings().get("write"), out);
        }
        return 0;
    }

    /** The tuning the options ask for, or null to train the learner as given. */
    private Trainer.Tune tune() {
        boolean auto = Trainer.AUTO.equals(learner);
        if (!auto && search == null && budget == null && trials == 0 && folds == 0) {
            return null;
        }
        SearchMethod method = search == null ? SearchMethod.TPE : SearchMethod.fromLabel(search);
        if (method == null) {
            throw new IllegalArgumentException("--search: expected one of " + String.join(", ", SearchMethod.labels())
                    + ", got '" + search + "'");
        }
        Duration limit = null;
        if (budget != null) {
            try {
                limit = Budget.parse(budget);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--budget: " + e.getMessage());
            }
        }
        if (!params.isEmpty()) {
            throw new IllegalArgumentException("--param: a search chooses the parameters; drop --param, or --search, --budget,"
                    + " --trials and --cv" + (auto ? " and --learner auto" : ""));
        }
        return new Trainer.Tune(limit, method, trials, folds, metric, !noEnsemble);
    }

    private int printTuned(Trainer.Result result, TuningSummary tuning) {
        if (common.json) {
            ObjectNode json = RunCommand.JSON.createObjectNode().put("learner", learner).put("chosen", tuning.chosen())
                    .put("task", result.task().label()).put("rows", result.rows()).put("features", result.features())
                    .put("out", out.toString()).put("metric", tuning.metric()).put("folds", tuning.folds())
                    .put("trials", tuning.leaderboard().size()).put("stop", tuning.stopReason())
                    .put("search_s", tuning.searchSeconds()).put("prepare_folds_s", tuning.prepareSeconds());
            if (!Double.isNaN(tuning.blendScore())) {
                json.put("blend_oof", tuning.blendScore()).put("best_single_oof", tuning.singleScore());
            }
            var members = json.putArray("members");
            double[] weights = tuning.weights();
            for (int m = 0; m < tuning.members().size(); m++) {
                members.addObject().put("label", tuning.members().get(m).label()).put("weight", weights[m]);
            }
            for (Map.Entry<String, Double> timing : result.timings().entrySet()) {
                json.put(timing.getKey() + "_s", timing.getValue());
            }
            var board = json.putArray("leaderboard");
            for (Trial trial : tuning.leaderboard()) {
                ObjectNode row = board.addObject().put("rank", board.size()).put("trial", trial.index())
                        .put("learner", trial.learner()).put("status", trial.status().label());
                row.putPOJO("params", new java.util.TreeMap<>(trial.params()));
                putNumber(row, "score", trial.score());
                putNumber(row, "std", trial.scoreStd());
                row.put("folds", trial.cv().folds().size());
                putNumber(row, "fit_s", trial.fitSeconds());
                putNumber(row, "predict_us_per_row", trial.predictSecondsPerRow() * 1e6);
                if (trial.error() != null) {
                    row.put("error", trial.error());
                }
            }
            json.putPOJO("notes", result.notes());
            out().println(json.toPrettyString());
            return 0;
        }
        result.notes().forEach(note -> out().println("note: " + note));
        out().printf("%-4s %-60s %12s %8s %8s %12s  %s%n", "rank", "learner", tuning.metric(), "std", "fit_s", "predict_us", "status");
        int rank = 0;
        for (Trial trial : tuning.leaderboard()) {
            if (++rank > 15) {
                out().printf("... %d more trials%n", tuning.leaderboard().size() - 15);
                break;
            }
            String label = trial.label().length() > 60 ? trial.label().substring(0, 57) + "..." : trial.label();
            out().printf(Locale.ROOT, "%-4d %-60s %12.5f %8.5f %8.2f %12.2f  %s%n", rank, label, trial.score(), trial.scoreStd(),
                    trial.fitSeconds(), trial.predictSecondsPerRow() * 1e6, trial.status().label());
        }
        if (tuning.isEnsemble()) {
            out().printf(Locale.ROOT, "chosen: a blend of %d (out-of-fold %s %.5f vs %.5f for the best alone)%n",
                    tuning.members().size(), tuning.metric(), tuning.blendScore(), tuning.singleScore());
        } else {
            out().println("chosen: " + tuning.chosen());
        }
        out().printf(Locale.ROOT, "%d trials in %.1f s (%s), %d-fold CV; refit on %d rows x %d features -> %s%n",
                tuning.leaderboard().size(), tuning.searchSeconds(), tuning.stopReason(), tuning.folds(), result.rows(),
                result.features(), out);
        return 0;
    }

    private static void putNumber(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    private Task parseTask() {
        if (task == null) {
            return null;
        }
        Task parsed = Task.fromLabel(task);
        if (parsed == null) {
            throw new IllegalArgumentException("--task: expected binary, multiclass, regression, clustering or anomaly, got '"
                    + task + "'");
        }
        return parsed;
    }
}
