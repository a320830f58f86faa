package dev.kiln.prep;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Checks;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Replaces categorical columns by the smoothed mean of the target per level (Micci-Barreca, 2001):
 * {@code (sum + m·prior) / (count + m)}. A numeric target gives one column {@code NAME_te}; a
 * categorical target gives the rate of each class but the first ({@code NAME_te=CLASS}), one column
 * for a binary target. Unseen levels and missing values get the prior.
 *
 * <p>No leakage: the training rows' own values are computed out of fold — the rows are split into
 * {@code folds} seeded folds and each fold is encoded from the statistics of the others — while the
 * fitted state, used on every later row, comes from all training rows.
 */
public final class TargetEncoder implements SupervisedTransformer {
    private final int folds;
    private final double smoothing;
    private final long seed;
    private final List<String> columns;

    /** @param columns the categorical columns to encode; empty for every categorical column */
    public TargetEncoder(int folds, double smoothing, long seed, List<String> columns) {
        Checks.checkArgument(folds >= 2, "folds must be at least 2: %s", folds);
        Checks.checkArgument(smoothing >= 0 && Double.isFinite(smoothing), "smoothing must be >= 0: %s", smoothing);
        this.folds = folds;
        this.smoothing = smoothing;
        this.seed = seed;
        this.columns = List.copyOf(columns);
    }

    public TargetEncoder() {
        this(5, 10.0, 42, List.of());
    }

    @Override
    public Result fit(Frame train, Column target) {
        Checks.checkArgument(target.size() == train.rowCount(), "target has %s rows, features %s", target.size(), train.rowCount());
        double[][] y = outputs(target);
        List<String> outputNames = outputNames(target);
        int[] fold = folds(train.rowCount());
        Map<String, Map<String, double[]>> tables = new LinkedHashMap<>();
        Frame trainOutput = train;
        double[] prior = TargetTable.prior(y, allRows(train.rowCount()));
        for (Column column : train.columns()) {
            if (!(column instanceof CategoricalColumn c) || (!columns.isEmpty() && !columns.contains(c.name()))) {
                continue;
            }
            tables.put(c.name(), TargetTable.fit(c, y, allRows(train.rowCount()), prior, smoothing));
            double[][] encoded = new double[y.length][train.rowCount()];
            for (int f = 0; f < folds; f++) {
                boolean[] inFold = new boolean[train.rowCount()];
                for (int i = 0; i < inFold.length; i++) {
                    inFold[i] = fold[i] == f;
                }
                boolean[] others = new boolean[inFold.length];
                for (int i = 0; i < inFold.length; i++) {
                    others[i] = !inFold[i];
                }
                double[] foldPrior = TargetTable.prior(y, others);
                Map<String, double[]> table = TargetTable.fit(c, y, others, foldPrior, smoothing);
                for (int i = 0; i < inFold.length; i++) {
                    if (inFold[i]) {
                        double[] value = c.code(i) < 0 ? foldPrior : table.getOrDefault(c.label(i), foldPrior);
                        for (int o = 0; o < y.length; o++) {
                            encoded[o][i] = value[o];
                        }
                    }
                }
            }
            trainOutput = trainOutput.drop(List.of(c.name()));
            for (int o = 0; o < y.length; o++) {
                trainOutput = trainOutput.with(NumericColumn.wrap(FittedTargetEncoder.outputName(c.name(), outputNames.get(o)), encoded[o]));
            }
        }
        return new Result(new FittedTargetEncoder(outputNames, prior, tables), trainOutput);
    }

    private int[] folds(int rows) {
        int[] order = allIndexes(rows);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] fold = new int[rows];
        for (int i = 0; i < rows; i++) {
            fold[order[i]] = i % folds;
        }
        return fold;
    }

    private static int[] allIndexes(int rows) {
        int[] out = new int[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = i;
        }
        return out;
    }

    private static boolean[] allRows(int rows) {
        boolean[] out = new boolean[rows];
        java.util.Arrays.fill(out, true);
        return out;
    }

    /** One row per output: the numeric target, or a 0/1 indicator per class but the first. NaN where missing. */
    private static double[][] outputs(Column target) {
        if (target instanceof NumericColumn n) {
            return new double[][] {n.toArray()};
        }
        Checks.checkArgument(target instanceof CategoricalColumn, "target '%s' is %s, expected numeric or categorical",
                target.name(), target.kind().label());
        CategoricalColumn c = (CategoricalColumn) target;
        int classes = Math.max(1, c.levels().size() - 1);
        double[][] out = new double[classes][c.size()];
        for (int o = 0; o < classes; o++) {
            for (int i = 0; i < c.size(); i++) {
                out[o][i] = c.code(i) < 0 ? Double.NaN : (c.code(i) == o + 1 ? 1.0 : 0.0);
            }
        }
        return out;
    }

    private static List<String> outputNames(Column target) {
        List<String> names = new ArrayList<>();
        if (target instanceof CategoricalColumn c && c.levels().size() > 2) {
            names.addAll(c.levels().subList(1, c.levels().size()));
        } else {
            names.add("");
        }
        return names;
    }
}
