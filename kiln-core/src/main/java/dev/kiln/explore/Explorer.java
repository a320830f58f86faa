package dev.kiln.explore;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Explores a frame for people: the {@link Profiler}'s column statistics plus histograms, pairwise
 * relationships, the association of every feature with an optional target, and {@link Warning}s with
 * their evidence. Deterministic (the same result with any number of threads); never mutates the frame;
 * thread-safe. Columns are profiled in parallel on the common fork/join pool (one task per column), each numeric
 * column ordered once, by a radix sort, for its statistics, quantiles, histogram, bins and Spearman ranks;
 * correlations are blocked dot products of standardised columns ({@link CorrelationMatrix}). On big data the
 * association of each feature with the target, and the check that a feature alone predicts it (leakage), use
 * a seeded uniform sample of {@value #MAX_ASSOCIATION_ROWS} rows ({@link #SAMPLE_SEED}); bins keep the quantiles
 * of all rows.
 */
public final class Explorer {
    /** Bins of a numeric column's histogram. */
    public static final int HISTOGRAM_BINS = 30;

    /** Single-feature predictors and target associations use at most this many rows (a seeded random sample). */
    public static final int MAX_ASSOCIATION_ROWS = 200_000;

    /** The seed of that sample: fixed, so an exploration is the same on every run and machine. */
    public static final long SAMPLE_SEED = 20_240_101L;

    private static final List<String> SEVERITY = List.of("target_leakage", "duplicate_rows", "class_imbalance",
            "sensitive_imbalance", "constant", "id_like", "high_missing", "near_constant", "high_cardinality", "skewed");

    private Explorer() {
    }

    /**
     * The exploration of {@code frame}.
     *
     * @param target the target column, or null
     * @param sensitive a column whose groups should see the target at similar rates, or null
     * @throws IllegalArgumentException when {@code target} or {@code sensitive} names no column
     */
    public static Exploration explore(Frame frame, String target, String sensitive) {
        Column targetColumn = target == null ? null : frame.column(target);
        Column sensitiveColumn = sensitive == null ? null : frame.column(sensitive);
        int columns = frame.columnCount();
        ColumnProfile[] profiles = new ColumnProfile[columns];
        NumericStats[] stats = new NumericStats[columns];
        java.util.stream.IntStream.range(0, columns).parallel().forEach(j -> {
            Column column = frame.columns().get(j);
            if (column instanceof NumericColumn n) {
                stats[j] = NumericStats.of(n);
                profiles[j] = ColumnProfiler.numeric(n, stats[j]);
            } else {
                profiles[j] = ColumnProfiler.profile(column);
            }
        });
        Map<String, Histogram> histograms = new LinkedHashMap<>();
        List<Warning> warnings = new ArrayList<>();
        for (int j = 0; j < columns; j++) {
            Column column = frame.columns().get(j);
            if (stats[j] != null) {
                Histogram h = Histogram.of(stats[j].sortedValues(), HISTOGRAM_BINS);
                if (h != null) {
                    histograms.put(column.name(), h);
                }
            }
            if (!column.name().equals(target)) {
                ColumnWarnings.add(column, profiles[j], stats[j], warnings);
            }
        }
        int duplicates = DuplicateRows.count(frame);
        if (duplicates > 0) {
            warnings.add(new Warning("duplicate_rows", null, duplicates + " rows repeat an earlier row in every column",
                    Map.of("duplicate_rows", duplicates, "fraction", (double) duplicates / frame.rowCount())));
        }
        List<double[]> ranks = new ArrayList<>();
        for (int j = 0; j < columns; j++) {
            if (stats[j] != null && ranks.size() < Correlations.MAX_NUMERIC) {
                ranks.add(stats[j].takeRanks());
            }
        }
        Relationships relationships = Correlations.of(frame, ranks);
        ranks = null; // the ranks are large and no longer needed
        List<TargetAssociation> associations = new ArrayList<>();
        if (targetColumn != null) {
            TargetValues values = TargetValues.of(targetColumn);
            Frame sample = sample(frame, MAX_ASSOCIATION_ROWS, SAMPLE_SEED);
            Map<String, double[]> sorted = new java.util.HashMap<>();
            for (int j = 0; j < columns; j++) {
                if (stats[j] != null) {
                    sorted.put(frame.columns().get(j).name(), stats[j].sortedValues());
                }
            }
            associations = sample == frame ? associations(frame, targetColumn, values, sorted)
                    : associations(sample, sample.column(target), TargetValues.of(sample.column(target)), sorted);
            TargetWarnings.classImbalance(values, target, warnings);
            TargetWarnings.leakage(associations, target, warnings);
            TargetWarnings.sumLeakage(frame, target, values, warnings);
            if (sensitiveColumn != null) {
                TargetWarnings.sensitive(sensitiveColumn, values, target, warnings);
            }
        }
        warnings.sort(Comparator.comparingInt((Warning w) -> SEVERITY.indexOf(w.code())));
        TargetProfile targetProfile = target == null ? null : TargetProfiler.profile(targetColumn);
        Profile profile = new Profile(frame.rowCount(), columns, List.of(profiles), targetProfile);
        return new Exploration(profile, target, sensitive, duplicates, histograms, relationships, associations, warnings);
    }

    /**
     * A uniform random sample of {@code max} rows in their original order (selection sampling, Knuth's Algorithm S:
     * one pass, each row kept with probability needed / remaining), fixed by {@code seed}; the frame itself when it
     * is small enough.
     */
    static Frame sample(Frame frame, int max, long seed) {
        int n = frame.rowCount();
        if (n <= max) {
            return frame;
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        int[] rows = new int[max];
        int kept = 0;
        for (int i = 0; i < n && kept < max; i++) {
            if (random.nextInt(n - i) < max - kept) {
                rows[kept++] = i;
            }
        }
        return frame.take(rows);
    }

    private static List<TargetAssociation> associations(Frame frame, Column target, TargetValues values,
                                                        Map<String, double[]> sorted) {
        List<Column> features = frame.columns().stream().filter(c -> !c.name().equals(target.name())).toList();
        TargetAssociation[] out = new TargetAssociation[features.size()];
        java.util.stream.IntStream.range(0, features.size()).parallel().forEach(j -> {
            Column feature = features.get(j);
            double[] score = SingleFeaturePredictor.score(FeatureBins.of(feature, sorted.get(feature.name())), values);
            String metric = !values.isClassification() ? "r2" : values.classes().size() == 2 ? "roc_auc" : "accuracy";
            String measure = null;
            double association = Double.NaN;
            if (feature instanceof NumericColumn n && target instanceof NumericColumn y && !values.isClassification()) {
                measure = "pearson";
                association = Association.pearson(n.toArray(), y.toArray());
            } else if (feature instanceof NumericColumn n && values.isClassification()) {
                measure = "correlation_ratio";
                association = Association.correlationRatio(n.toArray(), values.codes(), values.classes().size());
            } else if (feature instanceof CategoricalColumn c && values.isClassification()) {
                measure = "cramers_v";
                association = Association.cramersV(c.toCodes(), c.levels().size(), values.codes(), values.classes().size());
            } else if (feature instanceof CategoricalColumn c) {
                measure = "correlation_ratio";
                association = Association.correlationRatio(values.values(), c.toCodes(), c.levels().size());
            }
            out[j] = new TargetAssociation(feature.name(), measure, NumericStats.finite(association), metric,
                    NumericStats.finite(score[0]), score[1], score[2]);
        });
        List<TargetAssociation> list = new ArrayList<>(List.of(out));
        list.sort(Comparator.comparingDouble((TargetAssociation a) -> a.holdoutScore() == null ? Double.NEGATIVE_INFINITY
                : -a.holdoutScore()).thenComparing(TargetAssociation::feature));
        return list;
    }
}
