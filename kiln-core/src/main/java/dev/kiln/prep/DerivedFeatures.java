package dev.kiln.prep;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds numeric columns computed by {@link Expression}s over existing numeric columns, such as
 * {@code ratio = charges / tenure}. Non-finite results (division by zero, log of a negative) become
 * missing. Later expressions may read earlier ones. Learns nothing; immutable; the expression text is what the bundle stores.
 */
public final class DerivedFeatures implements Transformer, FittedTransformer {
    public static final String TYPE = "derived_features";

    private final Map<String, String> texts;
    private final Map<String, Expression> expressions;

    /** @param features new column name → expression text; {@link IllegalArgumentException} on a bad expression */
    public DerivedFeatures(Map<String, String> features) {
        this.texts = new LinkedHashMap<>(features);
        this.expressions = new LinkedHashMap<>();
        features.forEach((name, text) -> expressions.put(name, Expression.parse(text)));
    }

    /** The columns the expressions read. */
    public List<String> inputs() {
        List<String> out = new ArrayList<>();
        expressions.values().forEach(e -> e.columns(name -> {
            if (!out.contains(name)) {
                out.add(name);
            }
        }));
        return out;
    }

    @Override
    public FittedTransformer fit(Frame train) {
        apply(train.take(new int[0]));
        return this;
    }

    @Override
    public Frame apply(Frame frame) {
        Frame out = frame;
        for (Map.Entry<String, Expression> e : expressions.entrySet()) {
            double[] values = e.getValue().evaluate(out);
            for (int i = 0; i < values.length; i++) {
                values[i] = Double.isFinite(values[i]) ? values[i] : Double.NaN;
            }
            out = out.with(NumericColumn.wrap(e.getKey(), values));
        }
        return out;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode toJson(BinaryArrays arrays) {
        ObjectNode node = StepJson.node(TYPE);
        ArrayNode features = node.putArray("features");
        texts.forEach((name, text) -> features.addObject().put("name", name).put("expr", text));
        return node;
    }

    public static DerivedFeatures fromJson(ObjectNode node) {
        Map<String, String> features = new LinkedHashMap<>();
        node.path("features").forEach(f -> features.put(f.path("name").asText(), f.path("expr").asText()));
        return new DerivedFeatures(features);
    }
}
