package dev.kiln.prep;

import dev.kiln.data.Checks;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * The outlier step by {@link IsolationForest}: fitted on the training rows' numeric columns (missing
 * values filled with the column's training median), it scores every row and flags (a 0/1 column
 * {@value FittedIsolationOutliers#FLAG_COLUMN}) or, while training, drops the rows whose score is above
 * the threshold: 0.5 for {@code contamination} NaN ("auto"), else the training scores' {@code 1 - contamination}
 * quantile. Deterministic under {@code seed}. Immutable.
 */
public final class IsolationOutliers implements Transformer {
    private final int trees;
    private final int maxSamples;
    private final double contamination;
    private final OutlierRule.Action action;
    private final List<String> columns;
    private final long seed;

    /** @param columns the numeric columns to score; empty for every numeric column */
    public IsolationOutliers(int trees, int maxSamples, double contamination, OutlierRule.Action action, List<String> columns,
                             long seed) {
        Checks.checkArgument(trees >= 1, "outliers.trees: expected an integer >= 1, got %s", trees);
        Checks.checkArgument(maxSamples >= 2, "outliers.max_samples: expected an integer >= 2, got %s", maxSamples);
        Checks.checkArgument(Double.isNaN(contamination) || (contamination > 0 && contamination <= 0.5),
                "outliers.contamination: expected auto or a fraction in (0, 0.5], got %s", contamination);
        Checks.checkArgument(action != OutlierRule.Action.CLIP, "outliers.action: an isolation forest flags or drops, it cannot clip");
        this.trees = trees;
        this.maxSamples = maxSamples;
        this.contamination = contamination;
        this.action = action;
        this.columns = List.copyOf(columns);
        this.seed = seed;
    }

    @Override
    public FittedIsolationOutliers fit(Frame train) {
        List<String> names = new ArrayList<>();
        for (Column column : train.columns()) {
            if (column instanceof NumericColumn && (columns.isEmpty() || columns.contains(column.name()))) {
                names.add(column.name());
            }
        }
        for (String name : columns) {
            Checks.checkArgument(train.has(name) && train.column(name) instanceof NumericColumn,
                    "outliers.columns: '%s' is not a numeric column", name);
        }
        Checks.checkArgument(!names.isEmpty(), "outliers: an isolation forest needs a numeric column");
        Checks.checkArgument(train.rowCount() >= 2, "outliers: an isolation forest needs at least 2 training rows");
        double[] fills = new double[names.size()];
        for (int j = 0; j < fills.length; j++) {
            double[] sorted = TrainingStats.sortedPresent(train.numeric(names.get(j)));
            fills[j] = sorted.length == 0 ? 0 : TrainingStats.quantile(sorted, 0.5);
        }
        int n = train.rowCount();
        double[] rows = FittedIsolationOutliers.rows(train, names, fills);
        int threads = Runtime.getRuntime().availableProcessors();
        IsolationForest forest = IsolationForest.fit(rows, n, names.size(), trees, maxSamples, seed, threads);
        double threshold = IsolationForest.threshold(forest.scores(rows, n), contamination);
        return new FittedIsolationOutliers(names, fills, forest, threshold, action);
    }
}
