package dev.kiln.prep;

import java.util.Optional;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameter of every transformed column, learned by {@link PowerTransform}: the offset for the log,
 * λ for Yeo–Johnson. Immutable; other columns pass through.
 */
public final class FittedPowerTransform implements FittedTransformer {
    public static final String TYPE = "power_transform";

    private final PowerTransform.Method method;
    private final Map<String, Double> parameters;

    FittedPowerTransform(PowerTransform.Method method, Map<String, Double> parameters) {
        this.method = method;
        this.parameters = Map.copyOf(parameters);
    }

    /** The fitted λ (Yeo–Johnson) or offset (log) of {@code column}; NaN when it is not transformed. */
    public double parameter(String column) {
        return parameters.getOrDefault(column, Double.NaN);
    }

    @Override
    public Frame apply(Frame frame) {
        List<Column> out = new ArrayList<>(frame.columnCount());
        for (Column column : frame.columns()) {
            Double parameter = parameters.get(column.name());
            if (parameter != null && column instanceof NumericColumn n) {
                double[] values = n.toArray();
                for (int i = 0; i < values.length; i++) {
                    values[i] = method == PowerTransform.Method.LOG
                            ? Math.log1p(Math.max(values[i] - parameter, 0.0)) // NaN stays NaN
                            : YeoJohnson.transform(values[i], parameter);
                }
                out.add(NumericColumn.wrap(n.name(), values));
            } else {
                out.add(column);
            }
        }
        return Frame.of(out);
    }

    @Override
    public Optional<RowTransform> rowForm(RowLayout input) {
        RowProgram.Builder out = RowProgram.passThrough(input);
        for (int i = 0; i < input.size(); i++) {
            RowLayout.Slot slot = input.slot(i);
            Double parameter = parameters.get(slot.name());
            if (parameter != null && slot.isNumeric()) {
                double p = parameter;
                int at = i;
                out.set(i, slot, method == PowerTransform.Method.LOG
                        ? in -> Math.log1p(Math.max(in[at] - p, 0.0))
                        : in -> YeoJohnson.transform(in[at], p));
            }
        }
        return out.build();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode toJson(BinaryArrays arrays) {
        ObjectNode node = StepJson.node(TYPE).put("method", method.name().toLowerCase(Locale.ROOT));
        StepJson.putNumbers(node, "parameters", new java.util.TreeMap<>(parameters));
        return node;
    }

    public static FittedPowerTransform fromJson(ObjectNode node) {
        return new FittedPowerTransform(PowerTransform.Method.valueOf(node.path("method").asText().toUpperCase(Locale.ROOT)),
                StepJson.numbers(node, "parameters"));
    }
}
