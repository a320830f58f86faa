package dev.kiln.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.CsvOptions;
import dev.kiln.learn.Task;
import dev.kiln.workflow.Trainer;
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

    @Option(names = "--learner", required = true, paramLabel = "NAME", description = "The learner, for instance logistic or tree.")
    String learner;

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
        Trainer.Result result = Trainer.train(request, out);
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
