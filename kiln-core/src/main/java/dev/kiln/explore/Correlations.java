package dev.kiln.explore;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the {@link Relationships} of a frame: Pearson and Spearman (Pearson of the average ranks, computed
 * once per column) by {@link CorrelationMatrix}, Cramér's V between categorical columns and the correlation
 * ratio of each numeric with each categorical column, in parallel over the pairs. O(rows × numeric²) time,
 * O(rows × numeric) memory. Deterministic, whatever the number of threads. Stateless.
 */
final class Correlations {
    static final int MAX_NUMERIC = 60;
    static final int MAX_LEVELS = 100;

    private Correlations() {
    }

    static Relationships of(Frame frame) {
        List<double[]> ranks = new ArrayList<>();
        for (Column column : frame.columns()) {
            if (column instanceof NumericColumn n && ranks.size() < MAX_NUMERIC) {
                ranks.add(NumericStats.of(n).takeRanks());
            }
        }
        return of(frame, ranks);
    }

    /**
     * The relationships of {@code frame}, given the average ranks of its first {@value #MAX_NUMERIC} numeric columns
     * (from {@link NumericStats#takeRanks}, handed over: they are centred in place), so that no column is ordered
     * twice.
     */
    static Relationships of(Frame frame, List<double[]> ranks) {
        List<String> numericNames = new ArrayList<>();
        List<double[]> numeric = new ArrayList<>();
        List<String> categoricalNames = new ArrayList<>();
        List<CategoricalColumn> categorical = new ArrayList<>();
        for (Column column : frame.columns()) {
            if (column instanceof NumericColumn n && numeric.size() < MAX_NUMERIC) {
                numericNames.add(n.name());
                numeric.add(n.toArray());
            } else if (column instanceof CategoricalColumn c && c.levels().size() <= MAX_LEVELS && c.levels().size() >= 1) {
                categoricalNames.add(c.name());
                categorical.add(c);
            }
        }
        List<int[]> codes = new ArrayList<>();
        for (CategoricalColumn c : categorical) {
            codes.add(c.toCodes());
        }
        List<List<Double>> cramers = new ArrayList<>();
        for (int a = 0; a < categorical.size(); a++) {
            List<Double> row = new ArrayList<>();
            for (int b = 0; b < categorical.size(); b++) {
                row.add(NumericStats.finite(a == b ? 1.0 : Association.cramersV(codes.get(a), categorical.get(a).levels().size(),
                        codes.get(b), categorical.get(b).levels().size())));
            }
            cramers.add(row);
        }
        Relationships.CorrelationRatio[] ratios = new Relationships.CorrelationRatio[numeric.size() * categorical.size()];
        java.util.stream.IntStream.range(0, ratios.length).parallel().forEach(k -> {
            int j = k / categorical.size();
            int c = k % categorical.size();
            ratios[k] = new Relationships.CorrelationRatio(numericNames.get(j), categoricalNames.get(c), NumericStats.finite(
                    Association.correlationRatio(numeric.get(j), codes.get(c), categorical.get(c).levels().size())));
        });
        List<List<Double>> pearson = CorrelationMatrix.of(numeric); // centres the copies in place: last use
        List<List<Double>> spearman = CorrelationMatrix.of(ranks);
        return new Relationships(numericNames, pearson, spearman, categoricalNames, cramers, List.of(ratios));
    }
}
