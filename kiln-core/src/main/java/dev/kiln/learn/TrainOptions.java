package dev.kiln.learn;

import dev.kiln.data.Checks;
import java.util.Objects;

/**
 * What a learner needs to know besides its hyper-parameters: the target column (the empty name for
 * unsupervised tasks), the task, the seed that fixes every random choice, and how many threads it may
 * use (results never depend on it).
 */
public record TrainOptions(String target, Task task, long seed, int threads) {
    public TrainOptions {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(task, "task");
        Checks.checkArgument(threads >= 1, "threads must be at least 1: %s", threads);
    }

    /** Options for an unsupervised task (clustering, anomaly detection): no target column (the empty name). */
    public static TrainOptions unsupervised(Task task, long seed, int threads) {
        Checks.checkArgument(task.isUnsupervised(), "task %s needs a target", task.label());
        return new TrainOptions("", task, seed, threads);
    }

    public static TrainOptions of(String target, Task task, long seed) {
        return new TrainOptions(target, task, seed, Runtime.getRuntime().availableProcessors());
    }
}
