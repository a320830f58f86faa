package dev.kiln.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON state of a model: the header every model writes ({@code type}, {@code task},
 * {@code features}, {@code classes}, {@code params}) and, when reading, typed access to its fields and
 * to the arrays they reference in {@link BinaryArrays}. A malformed state raises
 * {@link IllegalArgumentException} naming the field. Immutable once read.
 */
public final class ModelState {
    private final ObjectNode json;
    private final BinaryArrays arrays;
    private final Task task;
    private final List<String> features;
    private final List<String> classes;

    private ModelState(ObjectNode json, BinaryArrays arrays, Task task, List<String> features, List<String> classes) {
        this.json = json;
        this.arrays = arrays;
        this.task = task;
        this.features = features;
        this.classes = classes;
    }

    /** A new JSON object holding the header of {@code model} with its hyper-parameters {@code params}. */
    public static ObjectNode header(Model model, Map<String, Object> params) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("type", model.type());
        json.put("task", model.task().label());
        ArrayNode features = json.putArray("features");
        model.features().forEach(features::add);
        ArrayNode classes = json.putArray("classes");
        model.classes().forEach(classes::add);
        ObjectNode paramsNode = json.putObject("params");
        for (Map.Entry<String, Object> entry : params.entrySet()) {
            Object value = entry.getValue();
            if (value instanceof Integer i) {
                paramsNode.put(entry.getKey(), i);
            } else if (value instanceof Double d) {
                paramsNode.put(entry.getKey(), d);
            } else {
                paramsNode.put(entry.getKey(), String.valueOf(value));
            }
        }
        return json;
    }

    /** Reads the header of {@code json}, which must be of type {@code expectedType}. */
    public static ModelState read(ObjectNode json, BinaryArrays arrays, String expectedType) {
        String type = text(json, "type");
        Checks.checkArgument(type.equals(expectedType), "type: expected '%s', got '%s'", expectedType, type);
        Task task = Task.fromLabel(text(json, "task"));
        Checks.checkArgument(task != null, "task: unknown task '%s'", text(json, "task"));
        return new ModelState(json, arrays, task, strings(json, "features"), strings(json, "classes"));
    }

    public Task task() {
        return task;
    }

    public List<String> features() {
        return features;
    }

    public List<String> classes() {
        return classes;
    }

    /** The hyper-parameters as spec strings, ready for a params record's {@code fromMap}. */
    public Map<String, String> params() {
        JsonNode node = json.get("params");
        Checks.checkArgument(node != null && node.isObject(), "params: expected an object");
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            out.put(entry.getKey(), entry.getValue().asText());
        }
        return out;
    }

    /** The doubles referenced by field {@code field}. */
    public double[] doubles(String field) {
        return arrays.doubles(text(json, field));
    }

    /** The ints referenced by field {@code field}. */
    public int[] ints(String field) {
        return arrays.ints(text(json, field));
    }

    /** The integer in field {@code field}. */
    public int integer(String field) {
        JsonNode node = json.get(field);
        Checks.checkArgument(node != null && node.canConvertToInt() && node.isIntegralNumber(), "%s: expected an integer", field);
        return node.intValue();
    }

    private static String text(ObjectNode json, String field) {
        JsonNode node = json.get(field);
        Checks.checkArgument(node != null && node.isTextual(), "%s: expected a string", field);
        return node.textValue();
    }

    private static List<String> strings(ObjectNode json, String field) {
        JsonNode node = json.get(field);
        Checks.checkArgument(node != null && node.isArray(), "%s: expected an array of strings", field);
        List<String> out = new ArrayList<>();
        for (JsonNode element : node) {
            Checks.checkArgument(element.isTextual(), "%s: expected an array of strings", field);
            out.add(element.textValue());
        }
        return List.copyOf(out);
    }
}
