package dev.kiln.workflow;

import dev.kiln.data.ColumnKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A loaded, validated workflow spec ({@code pipeline.yaml}): what to learn, from which data, how to
 * prepare, split and train, and how to monitor. Built only by {@link SpecLoader}. Immutable.
 *
 * @param file the spec file; relative data paths are resolved against its folder
 * @param hash SHA-256 of the spec file's bytes, recorded as lineage
 */
public record Spec(String name, Problem problem, Data data, Prepare prepare, Split split, Train train,
                   Monitor monitor, Path file, String hash) {

    /** This spec with {@code tokens} also read as missing values, for {@code --missing} on the command line. */
    public Spec withMissing(List<String> tokens) {
        List<String> all = new ArrayList<>(data.missing());
        all.addAll(tokens);
        Data more = new Data(data.csv(), data.delimiter(), all, data.kinds());
        return new Spec(name, problem, more, prepare, split, train, monitor, file, hash);
    }

    /**
     * The learning problem.
     *
     * @param task {@code classification} or {@code regression}
     * @param metric the metric that selects the best model
     * @param accept the acceptance rule, or null when every model is accepted
     */
    public record Problem(String task, String target, String metric, AcceptRule accept) {
        public boolean isClassification() {
            return task.equals("classification");
        }
    }

    /** Where the data comes from and how to read it. */
    public record Data(Path csv, char delimiter, List<String> missing, Map<String, ColumnKind> kinds) {
        public Data {
            missing = List.copyOf(missing);
            kinds = Map.copyOf(kinds);
        }
    }

    /**
     * Preparation: columns to drop, how to impute numeric ({@code median} or {@code mean}) and
     * categorical ({@code most_frequent}) columns, and how to encode categoricals ({@code onehot}).
     */
    public record Prepare(List<String> drop, String imputeNumeric, String imputeCategorical, String encode) {
        public Prepare {
            drop = List.copyOf(drop);
        }
    }

    /** The seeded holdout: fractions of rows for validation and test, stratified on the target or not. */
    public record Split(double validation, double test, boolean stratify, long seed) {
    }

    /** The learners to try and the seed they train with. */
    public record Train(List<LearnerSpec> learners, long seed) {
        public Train {
            learners = List.copyOf(learners);
        }
    }

    /** One learner to try: its name and hyper-parameters as written in the spec. */
    public record LearnerSpec(String name, Map<String, String> params) {
        public LearnerSpec {
            params = Map.copyOf(params);
        }

        /** {@code name} alone, or {@code name(k=v, ...)} when parameters are set. */
        public String label() {
            if (params.isEmpty()) {
                return name;
            }
            return name + params.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + e.getValue()).toList().toString().replace('[', '(').replace(']', ')');
        }
    }

    /** Drift thresholds on the population stability index. */
    public record Monitor(double driftWarn, double driftAlert) {
    }
}
