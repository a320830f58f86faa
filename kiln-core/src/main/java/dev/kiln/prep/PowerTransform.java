package dev.kiln.prep;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes skewed numeric columns more symmetric. {@link Method#LOG}: {@code log(1 + x - offset)} where the
 * offset is the training minimum when it is below 0 (else 0), values below it treated as at it.
 * {@link Method#YEO_JOHNSON}: the Yeo–Johnson (2000) transform with the λ in [-3, 3] that maximises
 * the normal log-likelihood of the training values (golden-section search, as scipy's
 * {@code yeojohnson_normmax}). Columns with fewer than three distinct training values are left alone.
 */
public final class PowerTransform implements Transformer {
    /** Which transform. */
    public enum Method { LOG, YEO_JOHNSON }

    private final Method method;
    private final List<String> columns;

    /** @param columns the numeric columns to transform; empty for every numeric column */
    public PowerTransform(Method method, List<String> columns) {
        this.method = method;
        this.columns = List.copyOf(columns);
    }

    @Override
    public FittedPowerTransform fit(Frame train) {
        Map<String, Double> parameters = new LinkedHashMap<>();
        for (Column column : train.columns()) {
            if (!(column instanceof NumericColumn n) || (!columns.isEmpty() && !columns.contains(n.name()))) {
                continue;
            }
            double[] sorted = TrainingStats.sortedPresent(n);
            if (sorted.length < 3 || sorted[0] == sorted[sorted.length - 1]) {
                continue;
            }
            parameters.put(n.name(), method == Method.LOG ? Math.min(0.0, sorted[0]) : YeoJohnson.fitLambda(sorted));
        }
        return new FittedPowerTransform(method, parameters);
    }
}
