package dev.kiln.workflow;

import dev.kiln.data.ColumnKind;
import dev.kiln.data.source.Source;
import dev.kiln.data.source.SourceContext;
import dev.kiln.learn.Task;
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
        Data more = new Data(data.source(), all, data.kinds());
        return new Spec(name, problem, more, prepare, split, train, monitor, file, hash);
    }

    /**
     * The learning problem.
     *
     * @param task {@code classification}, {@code regression}, {@code clustering} or {@code anomaly}
     * @param target the column to predict; null for clustering and anomaly
     * @param metric the metric that selects the best model
     * @param accept the acceptance rule, or null when every model is accepted
     * @param sensitive columns whose groups get fairness rates ({@code dp_difference}, {@code eo_difference}); may be empty
     * @param threshold how a binary model's decision threshold is chosen, or null for the most probable class
     */
    public record Problem(String task, String target, String metric, AcceptRule accept, List<String> sensitive,
                          Threshold threshold) {
        public Problem {
            sensitive = sensitive == null ? List.of() : List.copyOf(sensitive);
        }

        /** A problem with no sensitive columns and no decision threshold. */
        public Problem(String task, String target, String metric, AcceptRule accept) {
            this(task, target, metric, accept, List.of(), null);
        }

        public boolean isClassification() {
            return task.equals("classification");
        }

        /** {@link Task#CLUSTERING} or {@link Task#ANOMALY} for those tasks (which have no target), else null. */
        public Task unsupervisedTask() {
            Task parsed = Task.fromLabel(task);
            return parsed != null && parsed.isUnsupervised() ? parsed : null;
        }
    }

    /**
     * {@code problem.threshold}: choose a binary model's decision threshold on the validation rows, for the best F1
     * ({@code threshold: f1}) or the lowest cost ({@code threshold: { costs: { fp: 1, fn: 5 } }}).
     *
     * @param rule {@code f1} or {@code cost}
     */
    public record Threshold(String rule, double fpCost, double fnCost) {
        public static final String F1 = "f1";
        public static final String COST = "cost";
    }

    /**
     * Where the data comes from and how to read it: the source, tokens that also mean "missing" in text values,
     * and kinds forced on some columns.
     */
    public record Data(Source source, List<String> missing, Map<String, ColumnKind> kinds) {
        public Data {
            missing = List.copyOf(missing);
            kinds = Map.copyOf(kinds);
        }
    }

    /** How to read this spec's source: paths relative to the spec's folder, its missing tokens and forced kinds. */
    public SourceContext sourceContext() {
        return SourceContext.of(file.toAbsolutePath().getParent()).withMissing(data.missing()).withKinds(data.kinds());
    }

    /**
     * The {@code prepare:} section: either {@code auto} (Kiln chooses per column and records why) or the
     * listed steps, applied in this order: missing tokens, duplicate rows, sparse rows and columns,
     * {@code drop}, dates, text, derived features, interactions, outliers, imputation, transform, bins,
     * scaling, encoding, selection. A null part is not applied. Built only by {@link SpecLoader}.
     *
     * @param drop columns to drop before anything else
     * @param auto whether Kiln chooses every step ({@code prepare: auto}); the other parts are then unused
     * @param dates parts to extract from timestamp columns (year, month, day, dow, hour, cyclical, elapsed),
     *     or null to drop timestamp columns
     * @param features derived column name → expression, in order
     * @param interactions numeric columns whose pairwise products are added; empty for none
     */
    public record Prepare(List<String> drop, boolean auto, Missing missing, Duplicates duplicates, Outliers outliers,
                          String scale, Transform transform, Encode encode, List<String> dates, Text text,
                          Map<String, String> features, List<String> interactions, Bins bins, Select select) {
        public Prepare {
            drop = List.copyOf(drop);
            dates = dates == null ? null : List.copyOf(dates);
            features = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(features));
            interactions = List.copyOf(interactions);
        }

        /** These steps, dropping {@code columns} first. */
        public Prepare withDrop(List<String> columns) {
            return new Prepare(columns, auto, missing, duplicates, outliers, scale, transform, encode, dates, text, features,
                    interactions, bins, select);
        }

        /** What {@code prepare:} means when the spec leaves it out: median and most-frequent fill, one-hot. */
        public static Prepare defaults() {
            return new Prepare(List.of(), false, Missing.defaults(), null, null, null, null, Encode.defaults(), null, null,
                    Map.of(), List.of(), null, null);
        }
    }

    /**
     * Missing values.
     *
     * @param numeric median, mean, most_frequent, constant or knn
     * @param categorical most_frequent or constant
     * @param constant the numeric fill under {@code constant}
     * @param label the categorical fill under {@code constant}
     * @param indicators whether to add {@code NAME_missing} columns
     * @param dropColumns drop columns missing in more than this fraction of training rows, or null
     * @param dropRows drop training rows missing more than this fraction of their values, or null
     * @param tokens per column, values that mean missing
     * @param neighbours k of k-NN imputation
     */
    public record Missing(String numeric, String categorical, double constant, String label, boolean indicators,
                          Double dropColumns, Double dropRows, Map<String, List<String>> tokens, int neighbours) {
        public Missing {
            tokens = Map.copyOf(tokens);
        }

        public static Missing defaults() {
            return new Missing("median", "most_frequent", 0, "missing", false, null, null, Map.of(), 5);
        }
    }

    /** Duplicate training rows: by {@code keys} (empty for every column), keeping the first or last. */
    public record Duplicates(List<String> keys, String keep) {
        public Duplicates {
            keys = List.copyOf(keys);
        }
    }

    /**
     * Outliers: method iqr, zscore or isolation_forest, the fence factor, and the action clip, flag or drop
     * (an isolation forest flags or drops). {@code contamination} (NaN for auto), {@code trees} and
     * {@code maxSamples} are the isolation forest's.
     */
    public record Outliers(String method, double factor, String action, List<String> columns, double contamination, int trees,
                           int maxSamples) {
        public Outliers {
            columns = List.copyOf(columns);
        }

        public Outliers(String method, double factor, String action, List<String> columns) {
            this(method, factor, action, columns, Double.NaN, 100, 256);
        }
    }

    /** A power transform: log or yeo_johnson, on the listed numeric columns (empty for all). */
    public record Transform(String method, List<String> columns) {
        public Transform {
            columns = List.copyOf(columns);
        }
    }

    /**
     * Categorical encoding: onehot (with {@code maxLevels} and {@code minFrequency} grouping), ordinal
     * (with optional level orders), frequency or target.
     */
    public record Encode(String method, int maxLevels, double minFrequency, Map<String, List<String>> order) {
        public Encode {
            order = Map.copyOf(order);
        }

        public static Encode defaults() {
            return new Encode("onehot", Integer.MAX_VALUE, 0.0, Map.of());
        }
    }

    /** Free text: tfidf or hashed, with the vocabulary size or number of buckets. */
    public record Text(String method, int size) {
    }

    /** Binning: number of bins, uniform or quantile edges, the numeric columns (empty for all). */
    public record Bins(int bins, String method, List<String> columns) {
        public Bins {
            columns = List.copyOf(columns);
        }
    }

    /**
     * Feature selection thresholds; null disables one. {@code importance}: keep that many features by
     * model importance when at least 1, or drop those under that share of the total importance when in (0, 1).
     */
    public record Select(Double variance, Double correlation, Integer mutualInformation, Double importance) {
    }

    /**
     * The seeded holdout: fractions of rows for validation and test, stratified on the target or not. With
     * {@code cv} (0 for none) learners are compared by {@code cv}-fold cross-validation on the training and
     * validation rows instead of on the validation rows alone, {@code repeats} times; {@code group} keeps a
     * column's groups within one part and one fold, {@code time} orders the rows by a column (the test rows
     * are the latest, folds are an expanding window); {@code testFile} (resolved against the spec) gives the
     * test rows in a separate file, every row of the data then being a training row.
     */
    public record Split(double validation, double test, boolean stratify, long seed, int cv, int repeats, String group,
                        String time, Path testFile) {
        public Split(double validation, double test, boolean stratify, long seed) {
            this(validation, test, stratify, seed, 0, 1, null, null, null);
        }
    }

    /**
     * The learners to try and the seed they train with; {@code auto} searches across every learner family
     * instead of the listed ones. {@code search} tunes each listed learner (null: train as written), and
     * {@code budget} bounds the train stage's wall-clock time (null: none).
     */
    public record Train(List<LearnerSpec> learners, long seed, boolean auto, Search search, java.time.Duration budget) {
        public Train {
            learners = List.copyOf(learners);
        }

        public Train(List<LearnerSpec> learners, long seed) {
            this(learners, seed, false, null, null);
        }

        /** Whether the train stage tunes by cross-validation. */
        public boolean tunes() {
            return auto || search != null || budget != null;
        }
    }

    /**
     * How to tune: the search method (grid, random, tpe, halving, hyperband), the trials (0: until the budget
     * or convergence), the cross-validation folds (0: {@code split.cv}, else 5), and whether hopeless trials
     * are pruned between folds.
     */
    public record Search(String method, int trials, int cv, boolean prune) {
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

    /** Drift thresholds on the population stability index, and the rest of the {@code monitor:} section. */
    public record Monitor(double driftWarn, double driftAlert, MonitorSettings settings) {
        public Monitor(double driftWarn, double driftAlert) {
            this(driftWarn, driftAlert, MonitorSettings.defaults());
        }
    }
}
