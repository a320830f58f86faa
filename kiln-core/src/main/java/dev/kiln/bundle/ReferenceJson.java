package dev.kiln.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.ColumnKind;
import dev.kiln.monitor.DriftReference;
import dev.kiln.monitor.FeatureReference;
import java.util.ArrayList;
import java.util.List;

/** Writes and reads {@code reference.json}, the drift reference of a bundle. */
final class ReferenceJson {
    private ReferenceJson() {
    }

    static ObjectNode write(DriftReference reference) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("warn", reference.warn()).put("alert", reference.alert());
        ArrayNode features = node.putArray("features");
        reference.features().forEach(f -> features.add(feature(f)));
        if (reference.prediction() != null) {
            node.set("prediction", feature(reference.prediction()));
        }
        return node;
    }

    static DriftReference read(JsonNode node) {
        List<FeatureReference> features = new ArrayList<>();
        node.path("features").forEach(f -> features.add(feature(f)));
        FeatureReference prediction = node.has("prediction") ? feature(node.get("prediction")) : null;
        return new DriftReference(features, prediction, node.path("warn").asDouble(0.1), node.path("alert").asDouble(0.25));
    }

    private static ObjectNode feature(FeatureReference f) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("name", f.name()).put("kind", f.kind().label());
        ArrayNode edges = node.putArray("edges");
        for (double e : f.edges()) {
            edges.add(e);
        }
        ArrayNode levels = node.putArray("levels");
        f.levels().forEach(levels::add);
        ArrayNode proportions = node.putArray("proportions");
        for (double p : f.proportions()) {
            proportions.add(p);
        }
        node.put("count", f.count());
        ArrayNode sample = node.putArray("sample");
        for (double v : f.sample()) {
            sample.add(v);
        }
        if (!Double.isNaN(f.std())) {
            node.put("std", f.std());
        }
        return node;
    }

    private static FeatureReference feature(JsonNode node) {
        ColumnKind kind = ColumnKind.fromLabel(node.path("kind").asText());
        if (kind == null) {
            throw new BundleException("reference.json: feature '" + node.path("name").asText() + "' has unknown kind '"
                    + node.path("kind").asText() + "'");
        }
        List<String> levels = new ArrayList<>();
        node.path("levels").forEach(l -> levels.add(l.asText()));
        return new FeatureReference(node.path("name").asText(), kind, doubles(node.path("edges")), levels,
                doubles(node.path("proportions")), node.path("count").asLong(0), doubles(node.path("sample")),
                node.path("std").asDouble(Double.NaN));
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
