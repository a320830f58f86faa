package dev.kiln.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.bundle.KilnVersion;
import dev.kiln.data.Field;
import dev.kiln.data.Frame;
import dev.kiln.data.Role;
import dev.kiln.learn.Predictions;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Open Inference Protocol v2 (KServe, Triton, Seldon): health, server and model metadata, and
 * {@code POST /v2/models/{m}[/versions/{v}]/infer}. Inputs are either one tensor per column, named
 * after the column (shape {@code [n]} or {@code [n, 1]}), or a single {@code [n, k]} tensor whose k
 * values per row are the features in schema order. Outputs: {@code predict} (labels or values) and,
 * for classifiers, {@code predict_proba} ({@code [n, classes]}).
 */
final class InferenceApi {
    private final Supplier<ServedModels> models;

    private final PredictionRecorder recorder;

    InferenceApi(Supplier<ServedModels> models, PredictionRecorder recorder) {
        this.models = models;
        this.recorder = recorder;
    }

    void server(Context ctx) throws IOException {
        ObjectNode out = Json.MAPPER.createObjectNode().put("name", "kiln").put("version", KilnVersion.get());
        out.putArray("extensions");
        Json.send(ctx, 200, out);
    }

    void live(Context ctx) throws IOException {
        Json.send(ctx, 200, Json.MAPPER.createObjectNode().put("live", true));
    }

    void ready(Context ctx) throws IOException {
        boolean ready = !models.get().isEmpty();
        Json.send(ctx, ready ? 200 : 503, Json.MAPPER.createObjectNode().put("ready", ready));
    }

    void modelReady(Context ctx) throws IOException {
        model(ctx);
        Json.send(ctx, 200, Json.MAPPER.createObjectNode().put("name", ctx.pathParam("model")).put("ready", true));
    }

    void metadata(Context ctx) throws IOException {
        ServedModel model = model(ctx);
        ObjectNode out = Json.MAPPER.createObjectNode().put("name", model.name()).put("platform", "kiln");
        ArrayNode versions = out.putArray("versions");
        models.get().versions(model.name()).forEach(v -> versions.add(Integer.toString(v)));
        ArrayNode inputs = out.putArray("inputs");
        for (Field field : model.bundle().pipeline().inputSchema().withRole(Role.FEATURE)) {
            inputs.addObject().put("name", field.name()).put("datatype", datatype(field)).putArray("shape").add(-1);
        }
        ArrayNode outputs = out.putArray("outputs");
        boolean classifier = !model.bundle().manifest().classes().isEmpty();
        outputs.addObject().put("name", "predict").put("datatype", classifier ? "BYTES" : "FP64").putArray("shape").add(-1);
        if (classifier) {
            outputs.addObject().put("name", "predict_proba").put("datatype", "FP64").putArray("shape").add(-1)
                    .add(model.bundle().manifest().classes().size());
        }
        Json.send(ctx, 200, out);
    }

    void infer(Context ctx) throws IOException {
        ServedModel model = model(ctx);
        ctx.attribute(ServerMetrics.MODEL, model.ref());
        JsonNode body = Json.body(ctx);
        if (!body.isObject() || !body.path("inputs").isArray() || body.get("inputs").isEmpty()) {
            throw new BadRequestException("inputs: expected a non-empty array of tensors {name, shape, datatype, data}");
        }
        Frame input = decode((ArrayNode) body.get("inputs"), model.decoder());
        Predictions predictions = model.bundle().pipeline().predict(input);
        ctx.attribute(ServerMetrics.ROWS, predictions.size());
        recorder.record(ctx, model, input, predictions);
        Json.send(ctx, 200, response(model, body, predictions));
    }

    private ServedModel model(Context ctx) {
        String name = ctx.pathParam("model");
        String version = ctx.pathParamMap().get("version");
        return models.get().resolve(version == null ? name : name + ":" + version);
    }

    private static Frame decode(ArrayNode inputs, InputDecoder decoder) {
        List<String> features = decoder.featureNames();
        if (inputs.size() == 1 && !features.contains(inputs.get(0).path("name").asText())) {
            JsonNode tensor = inputs.get(0);
            JsonNode shape = tensor.path("shape");
            if (shape.size() != 2 || shape.get(1).asInt() != features.size()) {
                throw new BadRequestException("inputs[0]: a single tensor needs shape [rows, " + features.size()
                        + "] with the features in order " + features + ", found shape " + shape);
            }
            ArrayNode rows = Json.MAPPER.createArrayNode();
            ArrayNode flat = flatten(tensor.path("data"), "inputs[0].data");
            int k = features.size();
            if (flat.size() != shape.get(0).asInt() * k) {
                throw new BadRequestException("inputs[0].data: " + flat.size() + " values do not fill shape " + shape);
            }
            for (int i = 0; i < flat.size(); i += k) {
                ArrayNode row = rows.addArray();
                for (int j = 0; j < k; j++) {
                    row.add(flat.get(i + j));
                }
            }
            return decoder.rows(features, rows, "inputs[0].data");
        }
        ObjectNode columns = Json.MAPPER.createObjectNode();
        Set<String> seen = new HashSet<>();
        for (int t = 0; t < inputs.size(); t++) {
            JsonNode tensor = inputs.get(t);
            String name = tensor.path("name").asText("");
            if (name.isEmpty() || !seen.add(name)) {
                throw new BadRequestException("inputs[" + t + "].name: expected a unique column name, found '" + name + "'");
            }
            columns.set(name, flatten(tensor.path("data"), "inputs[" + t + "].data"));
        }
        return decoder.columns(columns, "inputs");
    }

    /** The values of a tensor's data, which the protocol allows flat or nested by shape. */
    private static ArrayNode flatten(JsonNode data, String path) {
        if (!data.isArray()) {
            throw new BadRequestException(path + ": expected an array, found " + InputDecoder.kind(data));
        }
        ArrayNode out = Json.MAPPER.createArrayNode();
        flattenInto(data, out);
        return out;
    }

    private static void flattenInto(JsonNode data, ArrayNode out) {
        for (JsonNode value : data) {
            if (value.isArray()) {
                flattenInto(value, out);
            } else {
                out.add(value);
            }
        }
    }

    private static ObjectNode response(ServedModel model, JsonNode request, Predictions predictions) {
        ObjectNode out = Json.MAPPER.createObjectNode().put("model_name", model.name()).put("model_version", Integer.toString(model.version()));
        if (request.has("id")) {
            out.set("id", request.get("id"));
        }
        Set<String> wanted = new HashSet<>();
        request.path("outputs").forEach(o -> wanted.add(o.path("name").asText()));
        ArrayNode outputs = out.putArray("outputs");
        int n = predictions.size();
        boolean classifier = predictions.task().isClassification();
        if (wanted.isEmpty() || wanted.contains("predict")) {
            ObjectNode predict = outputs.addObject().put("name", "predict").put("datatype", classifier ? "BYTES" : "FP64");
            predict.putArray("shape").add(n);
            ArrayNode data = predict.putArray("data");
            for (int i = 0; i < n; i++) {
                if (classifier) {
                    data.add(predictions.label(i));
                } else {
                    data.add(predictions.value(i));
                }
            }
        }
        if (classifier && (wanted.isEmpty() || wanted.contains("predict_proba"))) {
            int k = predictions.classes().size();
            ObjectNode proba = outputs.addObject().put("name", "predict_proba").put("datatype", "FP64");
            proba.putArray("shape").add(n).add(k);
            ArrayNode data = proba.putArray("data");
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < k; c++) {
                    data.add(predictions.probability(i, c));
                }
            }
        }
        return out;
    }

    private static String datatype(Field field) {
        return switch (field.kind()) {
            case NUMERIC -> "FP64";
            case BOOLEAN -> "BOOL";
            default -> "BYTES";
        };
    }
}
