package dev.kiln.workflow;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Checks;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TimestampColumn;
import dev.kiln.eval.Fold;
import dev.kiln.eval.Folds;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses the cross-validation folds a spec's {@code split:} asks for over some rows: time-ordered
 * (expanding window) by the {@code time} column, group k-fold by the {@code group} column, stratified
 * k-fold for classification when {@code stratify}, else k-fold; repeated {@code repeats} times (not for
 * time order). Stateless.
 */
final class FoldPlanner {
    private FoldPlanner() {
    }

    /**
     * @param features the raw feature rows (the group and time columns are read from them)
     * @param target their target
     * @param classes the class count, 0 for regression
     */
    static List<Fold> folds(Frame features, Column target, int classes, int k, boolean stratify, String group, String time,
                            int repeats, long seed) {
        if (time != null) {
            return Folds.timeOrdered(Folds.timeOrder(times(features, time)), k);
        }
        if (group != null) {
            int[] codes = groupCodes(features, group);
            return Folds.repeated(repeats, seed, s -> Folds.grouped(codes, k, s));
        }
        if (stratify && classes > 0 && target instanceof CategoricalColumn y) {
            int[] codes = y.toCodes();
            return Folds.repeated(repeats, seed, s -> Folds.stratified(codes, classes, k, s));
        }
        int rows = features.rowCount();
        return Folds.repeated(repeats, seed, s -> Folds.kFold(rows, k, s));
    }

    /** The time of every row as a number (epoch milliseconds for timestamps); NaN when missing. */
    static double[] times(Frame features, String name) {
        Checks.checkArgument(features.has(name), "split.time: no column '%s'", name);
        Column column = features.column(name);
        double[] out = new double[column.size()];
        if (column instanceof TimestampColumn t) {
            for (int i = 0; i < out.length; i++) {
                out[i] = t.isMissing(i) ? Double.NaN : t.get(i);
            }
        } else if (column instanceof NumericColumn n) {
            out = n.toArray();
        } else {
            throw new IllegalArgumentException("split.time: column '" + name + "' is " + column.kind().label()
                    + ", expected a timestamp or a number");
        }
        return out;
    }

    /** A code per distinct value of column {@code name}, in order of first appearance; missing values form one group. */
    static int[] groupCodes(Frame features, String name) {
        Checks.checkArgument(features.has(name), "split.group: no column '%s'", name);
        Column column = features.column(name);
        Map<String, Integer> codes = new HashMap<>();
        int[] out = new int[column.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = codes.computeIfAbsent(column.format(i), v -> codes.size());
        }
        return out;
    }
}
