package dev.kiln.prep;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Checks;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Frame;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns categorical columns into one numeric 0/1 column per training level, named
 * {@code column=level}, and boolean columns into one 0/1 column under their own name. Numeric columns
 * pass through.
 *
 * <p>Rare levels are grouped: levels seen in fewer than {@code minFrequency} of the training rows, and
 * those beyond the {@code maxLevels} most frequent, share one column {@code column=__other__}, which
 * also takes levels first seen after fitting. Without a group, unseen levels encode as all zeros.
 * Missing values always encode as all zeros.
 */
public final class OneHotEncoder implements Transformer {
    /** The suffix of the column that holds grouped rare and unseen levels. */
    public static final String OTHER = "__other__";

    private final int maxLevels;
    private final double minFrequency;

    /**
     * @param maxLevels at most this many levels get their own column (at least 1)
     * @param minFrequency in [0, 1): levels rarer than this fraction of training rows are grouped
     */
    public OneHotEncoder(int maxLevels, double minFrequency) {
        Checks.checkArgument(maxLevels >= 1, "maxLevels must be at least 1: %s", maxLevels);
        Checks.checkArgument(minFrequency >= 0 && minFrequency < 1, "minFrequency must be in [0, 1): %s", minFrequency);
        this.maxLevels = maxLevels;
        this.minFrequency = minFrequency;
    }

    /** Every level gets its own column. */
    public OneHotEncoder() {
        this(Integer.MAX_VALUE, 0.0);
    }

    @Override
    public FittedOneHotEncoder fit(Frame train) {
        Map<String, List<String>> levels = new LinkedHashMap<>();
        List<String> grouped = new ArrayList<>();
        for (Column column : train.columns()) {
            if (column instanceof CategoricalColumn c) {
                if (c.kind() == ColumnKind.BOOLEAN) {
                    levels.put(c.name(), List.of());
                    continue;
                }
                List<String> kept = keptLevels(c, train.rowCount());
                levels.put(c.name(), kept);
                if (kept.size() < seenCount(c)) {
                    grouped.add(c.name());
                }
            }
        }
        return new FittedOneHotEncoder(levels, grouped);
    }

    /** The levels that occur often enough and are among the most frequent, in level order. */
    private List<String> keptLevels(CategoricalColumn c, int rows) {
        int[] counts = c.levelCounts();
        List<Integer> codes = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0 && counts[k] >= minFrequency * rows) {
                codes.add(k);
            }
        }
        if (codes.size() > maxLevels) {
            codes.sort(Comparator.comparingInt((Integer k) -> -counts[k]).thenComparing(k -> k));
            codes = new ArrayList<>(codes.subList(0, maxLevels));
            codes.sort(null);
        }
        List<String> out = new ArrayList<>();
        codes.forEach(k -> out.add(c.levels().get(k)));
        return out;
    }

    private static int seenCount(CategoricalColumn c) {
        int seen = 0;
        for (int count : c.levelCounts()) {
            seen += count > 0 ? 1 : 0;
        }
        return seen;
    }
}
