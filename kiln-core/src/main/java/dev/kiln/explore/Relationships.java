package dev.kiln.explore;

import java.util.List;

/**
 * Pairwise associations between the columns of a frame. Immutable; serialises to JSON as it is. Matrices
 * are row lists in the order of their column list; an undefined entry (a constant column, no shared rows)
 * is null.
 *
 * @param numericColumns the numeric columns of the correlation matrices (at most {@value Correlations#MAX_NUMERIC})
 * @param pearson Pearson correlations over pairwise-complete rows, as pandas' {@code corr()}
 * @param spearman Spearman correlations: Pearson on average ranks, ranked over each column's present values
 * @param categoricalColumns the categorical and boolean columns with at most {@value Correlations#MAX_LEVELS} levels
 * @param cramersV Cramér's V between them
 * @param correlationRatios η of every numeric column grouped by every listed categorical column
 */
public record Relationships(List<String> numericColumns, List<List<Double>> pearson, List<List<Double>> spearman,
                            List<String> categoricalColumns, List<List<Double>> cramersV,
                            List<CorrelationRatio> correlationRatios) {
    public Relationships {
        numericColumns = List.copyOf(numericColumns);
        pearson = List.copyOf(pearson);
        spearman = List.copyOf(spearman);
        categoricalColumns = List.copyOf(categoricalColumns);
        cramersV = List.copyOf(cramersV);
        correlationRatios = List.copyOf(correlationRatios);
    }

    /** The correlation ratio η of a numeric column grouped by a categorical one; null value when undefined. */
    public record CorrelationRatio(String numeric, String categorical, Double value) {
    }
}
