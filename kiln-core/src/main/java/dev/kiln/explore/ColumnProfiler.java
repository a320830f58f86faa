package dev.kiln.explore;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TextColumn;
import dev.kiln.data.TimestampColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link ColumnProfile} of one column, by kind. Stateless. */
final class ColumnProfiler {
    /** How many of the most frequent labels a profile lists. */
    static final int TOP_LABELS = 10;

    /** Most frequent first, then by label. */
    static final Comparator<CategoryCount> BY_FREQUENCY =
            Comparator.comparingInt(CategoryCount::count).reversed().thenComparing(CategoryCount::label);

    private ColumnProfiler() {
    }

    static ColumnProfile profile(Column column) {
        if (column instanceof NumericColumn numeric) {
            return numeric(numeric);
        } else if (column instanceof CategoricalColumn categorical) {
            return labels(column, levelCounts(categorical));
        } else if (column instanceof TextColumn text) {
            return labels(column, textCounts(text));
        } else if (column instanceof TimestampColumn timestamp) {
            return timestamp(timestamp);
        }
        throw new IllegalStateException("unknown column type " + column.getClass().getName());
    }

    private static ColumnProfile numeric(NumericColumn column) {
        return numeric(column, NumericStats.of(column));
    }

    /** The profile of a numeric column whose statistics the caller already has. */
    static ColumnProfile numeric(NumericColumn column, NumericStats stats) {
        int missing = column.size() - stats.count();
        return new ColumnProfile(column.name(), column.kind().label(), stats.count(), missing,
                fraction(missing, column.size()), stats.distinct(), stats.min(), stats.max(), stats.mean(),
                stats.std(), stats.quantiles(), null, null, null);
    }

    /** Profile of a label column from the row count of every label that occurs. */
    private static ColumnProfile labels(Column column, List<CategoryCount> counts) {
        int count = 0;
        for (CategoryCount c : counts) {
            count += c.count();
        }
        int missing = column.size() - count;
        List<CategoryCount> top = new ArrayList<>(counts);
        top.sort(BY_FREQUENCY);
        top = top.subList(0, Math.min(TOP_LABELS, top.size()));
        return new ColumnProfile(column.name(), column.kind().label(), count, missing,
                fraction(missing, column.size()), counts.size(), null, null, null, null, null, top, null, null);
    }

    /** Row counts of the levels that occur, in level order. */
    static List<CategoryCount> levelCounts(CategoricalColumn column) {
        int[] counts = column.levelCounts();
        List<CategoryCount> out = new ArrayList<>();
        for (int code = 0; code < counts.length; code++) {
            if (counts[code] > 0) {
                out.add(new CategoryCount(column.levels().get(code), counts[code]));
            }
        }
        return out;
    }

    /** Row counts of the labels that occur, in order of first appearance. */
    static List<CategoryCount> textCounts(TextColumn column) {
        Map<String, int[]> counts = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < column.size(); i++) {
            String value = column.get(i);
            if (value != null) {
                int[] counter = counts.get(value);
                if (counter == null) {
                    counter = new int[1];
                    counts.put(value, counter);
                    order.add(value);
                }
                counter[0]++;
            }
        }
        List<CategoryCount> out = new ArrayList<>(order.size());
        for (String label : order) {
            out.add(new CategoryCount(label, counts.get(label)[0]));
        }
        return out;
    }

    private static ColumnProfile timestamp(TimestampColumn column) {
        long[] present = new long[column.size()];
        int count = 0;
        for (int i = 0; i < column.size(); i++) {
            long v = column.get(i);
            if (v != TimestampColumn.MISSING) {
                present[count++] = v;
            }
        }
        long[] sorted = Arrays.copyOf(present, count);
        Arrays.sort(sorted);
        int distinct = count == 0 ? 0 : 1;
        for (int i = 1; i < count; i++) {
            if (sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        int missing = column.size() - count;
        Double min = count == 0 ? null : (double) sorted[0];
        Double max = count == 0 ? null : (double) sorted[count - 1];
        return new ColumnProfile(column.name(), column.kind().label(), count, missing, fraction(missing, column.size()),
                distinct, min, max, null, null, null, null, instant(sorted, 0), instant(sorted, count - 1));
    }

    private static String instant(long[] sorted, int index) {
        return index < 0 || index >= sorted.length ? null : Instant.ofEpochMilli(sorted[index]).toString();
    }

    private static double fraction(int part, int whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }
}
