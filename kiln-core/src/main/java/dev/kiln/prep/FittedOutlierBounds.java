package dev.kiln.prep;

import java.util.Optional;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lower and upper bound of every checked column, learned by {@link OutlierRule}, and the action.
 * Immutable. With {@link OutlierRule.Action#DROP}, {@link #apply} passes rows unchanged and
 * {@link #select} gives the training rows to keep.
 */
public final class FittedOutlierBounds implements FittedTransformer, RowFilter {
    public static final String TYPE = "outlier_bounds";

    private final Map<String, double[]> bounds;
    private final OutlierRule.Action action;

    FittedOutlierBounds(Map<String, double[]> bounds, OutlierRule.Action action) {
        Map<String, double[]> copy = new LinkedHashMap<>();
        bounds.forEach((k, v) -> copy.put(k, v.clone()));
        this.bounds = copy;
        this.action = action;
    }

    public OutlierRule.Action action() {
        return action;
    }

    @Override
    public Frame apply(Frame frame) {
        if (action == OutlierRule.Action.DROP) {
            return frame;
        }
        List<Column> out = new ArrayList<>(frame.columns());
        for (Map.Entry<String, double[]> e : bounds.entrySet()) {
            if (!frame.has(e.getKey()) || !(frame.column(e.getKey()) instanceof NumericColumn n)) {
                continue;
            }
            double lower = e.getValue()[0];
            double upper = e.getValue()[1];
            double[] values = n.toArray();
            if (action == OutlierRule.Action.CLIP) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = Double.isNaN(values[i]) ? values[i] : Math.min(upper, Math.max(lower, values[i]));
                }
                out.set(frame.names().indexOf(n.name()), NumericColumn.wrap(n.name(), values));
            } else {
                for (int i = 0; i < values.length; i++) {
                    values[i] = values[i] < lower || values[i] > upper ? 1.0 : 0.0;
                }
                out.add(NumericColumn.wrap(n.name() + "_outlier", values));
            }
        }
        return Frame.of(out);
    }

    @Override
    public Optional<RowTransform> rowForm(RowLayout input) {
        RowProgram.Builder out = RowProgram.passThrough(input);
        if (action == OutlierRule.Action.DROP) {
            return out.build();
        }
        for (Map.Entry<String, double[]> e : bounds.entrySet()) {
            int at = input.indexOf(e.getKey());
            if (at < 0 || !input.slot(at).isNumeric()) {
                continue;
            }
            double lower = e.getValue()[0];
            double upper = e.getValue()[1];
            if (action == OutlierRule.Action.CLIP) {
                out.set(at, input.slot(at), in -> Double.isNaN(in[at]) ? in[at] : Math.min(upper, Math.max(lower, in[at])));
            } else {
                out.add(RowLayout.Slot.numeric(e.getKey() + "_outlier"), in -> in[at] < lower || in[at] > upper ? 1.0 : 0.0);
            }
        }
        return out.build();
    }

    @Override
    public RowSelection select(Frame train) {
        int[] kept = new int[train.rowCount()];
        int n = 0;
        for (int row = 0; row < train.rowCount(); row++) {
            boolean inside = true;
            for (Map.Entry<String, double[]> e : bounds.entrySet()) {
                if (train.has(e.getKey()) && train.column(e.getKey()) instanceof NumericColumn c) {
                    double v = c.get(row);
                    inside &= !(v < e.getValue()[0] || v > e.getValue()[1]);
                }
            }
            if (inside) {
                kept[n++] = row;
            }
        }
        int dropped = train.rowCount() - n;
        return new RowSelection(Arrays.copyOf(kept, n), dropped,
                String.format(Locale.ROOT, "dropped %d training rows with an outlier in %d checked columns", dropped, bounds.size()));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode toJson(BinaryArrays arrays) {
        ObjectNode node = StepJson.node(TYPE).put("action", action.name().toLowerCase(Locale.ROOT));
        StepJson.putArrays(node, "bounds", bounds);
        return node;
    }

    public static FittedOutlierBounds fromJson(ObjectNode node) {
        return new FittedOutlierBounds(StepJson.arrays(node, "bounds"),
                OutlierRule.Action.valueOf(node.path("action").asText().toUpperCase(Locale.ROOT)));
    }
}
