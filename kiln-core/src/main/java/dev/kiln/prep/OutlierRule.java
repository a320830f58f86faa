package dev.kiln.prep;

import dev.kiln.data.Checks;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds outliers in numeric columns by a fitted rule and clips, flags or drops them.
 *
 * <p>Rules: {@link Method#IQR} bounds each column at {@code [q1 - factor·IQR, q3 + factor·IQR]} (Tukey's
 * fences; factor 1.5 by default); {@link Method#Z_SCORE} at {@code mean ± factor·std} (factor 3). Actions:
 * {@link Action#CLIP} moves values to the nearest bound, {@link Action#FLAG} adds a 0/1 column
 * {@code NAME_outlier}, {@link Action#DROP} removes the training rows with an outlier in any column (a
 * {@link RowFilter}: serving rows pass unchanged). Further detectors (an isolation forest) fit the same
 * shape: learn bounds or a score on training rows, then one of these actions.
 */
public final class OutlierRule implements Transformer {
    /** How outliers are recognised. */
    public enum Method { IQR, Z_SCORE }

    /** What happens to an outlier. */
    public enum Action { CLIP, FLAG, DROP }

    private final Method method;
    private final double factor;
    private final Action action;
    private final List<String> columns;

    /** @param columns the numeric columns to check; empty for every numeric column */
    public OutlierRule(Method method, double factor, Action action, List<String> columns) {
        Checks.checkArgument(factor > 0 && Double.isFinite(factor), "factor must be positive: %s", factor);
        this.method = method;
        this.factor = factor;
        this.action = action;
        this.columns = List.copyOf(columns);
    }

    /** The rule with its usual factor: 1.5 for IQR, 3 for z-scores; every numeric column. */
    public static OutlierRule of(Method method, Action action) {
        return new OutlierRule(method, method == Method.IQR ? 1.5 : 3.0, action, List.of());
    }

    public Action action() {
        return action;
    }

    @Override
    public FittedOutlierBounds fit(Frame train) {
        Map<String, double[]> bounds = new LinkedHashMap<>();
        for (Column column : train.columns()) {
            if (!(column instanceof NumericColumn n) || (!columns.isEmpty() && !columns.contains(n.name()))) {
                continue;
            }
            double[] sorted = TrainingStats.sortedPresent(n);
            if (sorted.length == 0) {
                continue;
            }
            if (method == Method.IQR) {
                double q1 = TrainingStats.quantile(sorted, 0.25);
                double q3 = TrainingStats.quantile(sorted, 0.75);
                bounds.put(n.name(), new double[] {q1 - factor * (q3 - q1), q3 + factor * (q3 - q1)});
            } else {
                double mean = TrainingStats.mean(sorted);
                double std = TrainingStats.std(sorted);
                bounds.put(n.name(), new double[] {mean - factor * std, mean + factor * std});
            }
        }
        return new FittedOutlierBounds(bounds, action);
    }
}
