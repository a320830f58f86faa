package dev.kiln.explore;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TextColumn;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link TargetProfile} of a target column, by kind. Stateless. */
final class TargetProfiler {
    /** A text target with more distinct labels than this gets no class counts and no suggested task. */
    static final int MAX_CLASSES = 1000;
    /** A numeric target of integers with at most this many distinct values also gets class counts. */
    static final int MAX_INTEGER_CLASSES = 20;

    private static final String BINARY = "binary";
    private static final String MULTICLASS = "multiclass";
    private static final String REGRESSION = "regression";

    private TargetProfiler() {
    }

    static TargetProfile profile(Column column) {
        String kind = column.kind().label();
        int missing = column.missingCount();
        if (column instanceof NumericColumn numeric) {
            return numeric(numeric, missing);
        } else if (column instanceof CategoricalColumn categorical) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            int[] levelCounts = categorical.levelCounts();
            for (int code = 0; code < levelCounts.length; code++) {
                counts.put(categorical.levels().get(code), levelCounts[code]);
            }
            return classes(column.name(), kind, missing, counts);
        } else if (column instanceof TextColumn text) {
            List<CategoryCount> labels = ColumnProfiler.textCounts(text);
            if (labels.size() > MAX_CLASSES) {
                return new TargetProfile(column.name(), kind, null, missing, null, null, null, null, null);
            }
            labels.sort(Comparator.comparing(CategoryCount::label));
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (CategoryCount label : labels) {
                counts.put(label.label(), label.count());
            }
            return classes(column.name(), kind, missing, counts);
        }
        return new TargetProfile(column.name(), kind, null, missing, null, null, null, null, null);
    }

    private static TargetProfile classes(String name, String kind, int missing, Map<String, Integer> counts) {
        int seen = 0;
        for (int count : counts.values()) {
            if (count > 0) {
                seen++;
            }
        }
        String task = seen == 2 ? BINARY : seen > 2 ? MULTICLASS : null;
        return new TargetProfile(name, kind, task, missing, counts, null, null, null, null);
    }

    private static TargetProfile numeric(NumericColumn column, int missing) {
        NumericStats stats = NumericStats.of(column);
        Map<String, Integer> counts = integerCounts(stats.sortedValues());
        String task = stats.count() == 0 ? null : counts != null && counts.size() == 2 ? BINARY : REGRESSION;
        return new TargetProfile(column.name(), column.kind().label(), task, missing, counts,
                stats.min(), stats.max(), stats.mean(), stats.std());
    }

    /** Rows per value when every value is an integer and there are few of them; null otherwise. */
    private static Map<String, Integer> integerCounts(double[] sorted) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int runStart = 0;
        for (int i = 0; i < sorted.length; i++) {
            double v = sorted[i];
            if (!Double.isFinite(v) || v != Math.rint(v) || Math.abs(v) >= 1e15) {
                return null;
            }
            boolean runEnds = i + 1 == sorted.length || sorted[i + 1] != v;
            if (runEnds) {
                if (counts.size() == MAX_INTEGER_CLASSES) {
                    return null;
                }
                counts.put(Long.toString((long) v), i + 1 - runStart);
                runStart = i + 1;
            }
        }
        return sorted.length == 0 ? null : counts;
    }
}
