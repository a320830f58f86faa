package dev.kiln.prep;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces each categorical or boolean column by one numeric column under the same name.
 * {@link Method#ORDINAL}: the level's position in the declared order (or in sorted order of the training
 * labels), -1 for a level not seen in training. {@link Method#FREQUENCY}: the level's fraction of the
 * training rows, 0 for an unseen level. Missing values stay missing (NaN).
 */
public final class LabelEncoder implements Transformer {
    /** What number a label becomes. */
    public enum Method { ORDINAL, FREQUENCY }

    private final Method method;
    private final Map<String, List<String>> orders;

    /** @param orders for {@link Method#ORDINAL}, the level order of some columns; others are sorted */
    public LabelEncoder(Method method, Map<String, List<String>> orders) {
        this.method = method;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        orders.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.orders = copy;
    }

    public LabelEncoder(Method method) {
        this(method, Map.of());
    }

    @Override
    public FittedLabelEncoder fit(Frame train) {
        Map<String, Map<String, Double>> maps = new LinkedHashMap<>();
        for (Column column : train.columns()) {
            if (!(column instanceof CategoricalColumn c)) {
                continue;
            }
            int[] counts = c.levelCounts();
            Map<String, Double> map = new LinkedHashMap<>();
            if (method == Method.FREQUENCY) {
                for (int k = 0; k < counts.length; k++) {
                    if (counts[k] > 0) {
                        map.put(c.levels().get(k), (double) counts[k] / train.rowCount());
                    }
                }
            } else {
                List<String> order = orders.get(c.name());
                if (order == null) {
                    List<String> seen = new ArrayList<>();
                    for (int k = 0; k < counts.length; k++) {
                        if (counts[k] > 0) {
                            seen.add(c.levels().get(k));
                        }
                    }
                    seen.sort(null);
                    order = seen;
                }
                for (int k = 0; k < order.size(); k++) {
                    map.put(order.get(k), (double) k);
                }
            }
            maps.put(c.name(), map);
        }
        return new FittedLabelEncoder(maps, method == Method.FREQUENCY ? 0.0 : -1.0);
    }
}
