package dev.kiln.prep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading and writing the small JSON shapes that fitted steps share: name → number, name → numbers, lists of names. */
final class StepJson {
    private StepJson() {
    }

    static ObjectNode node(String type) {
        return JsonNodeFactory.instance.objectNode().put("type", type);
    }

    static void putNumbers(ObjectNode node, String field, Map<String, Double> values) {
        ObjectNode out = node.putObject(field);
        values.forEach(out::put);
    }

    static Map<String, Double> numbers(JsonNode node, String field) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.path(field).properties()) {
            out.put(e.getKey(), e.getValue().isNull() ? Double.NaN : e.getValue().asDouble());
        }
        return out;
    }

    static void putArrays(ObjectNode node, String field, Map<String, double[]> values) {
        ObjectNode out = node.putObject(field);
        values.forEach((name, array) -> {
            ArrayNode a = out.putArray(name);
            for (double v : array) {
                a.add(v);
            }
        });
    }

    static Map<String, double[]> arrays(JsonNode node, String field) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.path(field).properties()) {
            double[] values = new double[e.getValue().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = e.getValue().get(i).asDouble();
            }
            out.put(e.getKey(), values);
        }
        return out;
    }

    static void putStrings(ObjectNode node, String field, List<String> values) {
        ArrayNode a = node.putArray(field);
        values.forEach(a::add);
    }

    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.forEach(v -> out.add(v.asText()));
        return out;
    }

    static void putStringLists(ObjectNode node, String field, Map<String, List<String>> values) {
        ObjectNode out = node.putObject(field);
        values.forEach((name, list) -> putStrings(out, name, list));
    }

    static Map<String, List<String>> stringLists(JsonNode node, String field) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.path(field).properties()) {
            out.put(e.getKey(), strings(e.getValue()));
        }
        return out;
    }
}
