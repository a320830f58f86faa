package dev.kiln.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.Frame;
import dev.kiln.learn.Explainable;
import dev.kiln.learn.Explanation;
import dev.kiln.learn.Predictions;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Kiln's own JSON API: {@code POST /predict} and {@code POST /models/{ref}/predict} take one record,
 * an array of records, {@code {"records": [...]}} or {@code {"columns": {"name": [...]}}}, and with
 * {@code ?explain=true} add per-column contributions for tree models; health, readiness and the list
 * of served models.
 */
final class KilnApi {
    private final Supplier<ServedModels> models;
    private final PredictionRecorder recorder;

    KilnApi(Supplier<ServedModels> models, PredictionRecorder recorder) {
        this.models = models;
        this.recorder = recorder;
    }

    void health(Context ctx) throws IOException {
        ctx.status(200).contentType("application/json").result(LeanRoutes.HEALTH);
    }

    void ready(Context ctx) throws IOException {
        boolean ready = !models.get().isEmpty();
        Json.send(ctx, ready ? 200 : 503, Json.MAPPER.createObjectNode().put("ready", ready));
    }

    void list(Context ctx) throws IOException {
        ServedModels served = models.get();
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (ServedModel model : served.all()) {
            ObjectNode item = out.addObject().put("name", model.name()).put("version", model.version()).put("ref", model.ref())
                    .put("task", model.bundle().manifest().task());
            ArrayNode aliases = item.putArray("aliases");
            served.aliases(model.name()).forEach((alias, version) -> {
                if (version == model.version()) {
                    aliases.add(alias);
                }
            });
        }
        Json.send(ctx, 200, Json.MAPPER.createObjectNode().set("models", out));
    }

    void predictDefault(Context ctx) throws IOException {
        predict(ctx, models.get().defaultModel());
    }

    void predictByRef(Context ctx) throws IOException {
        predict(ctx, models.get().resolve(ctx.pathParam("ref")));
    }

    private void predict(Context ctx, ServedModel model) throws IOException {
        ctx.attribute(ServerMetrics.MODEL, model.ref());
        byte[] body = ctx.bodyAsBytes();
        boolean explain = "true".equals(ctx.queryParam("explain"));
        // the compiled one-record path answers without a frame and hands the log the raw row it parsed
        boolean logged = recorder.mayLog(model);
        if (!explain && model.records() != null && recorder.fastPath(model, logged)) {
            byte[] fast = model.records().predict(body, recorder.keyField(model, logged));
            if (fast != null) {
                ctx.attribute(ServerMetrics.ROWS, 1);
                if (logged) {
                    recorder.recordRow(ctx, model);
                }
                ctx.status(200).contentType("application/json").result(fast);
                return;
            }
        }
        Frame input = decode(Json.body(body), model.decoder());
        Predictions predictions = model.bundle().pipeline().predict(input);
        ctx.attribute(ServerMetrics.ROWS, predictions.size());
        recorder.record(ctx, model, input, predictions);
        ObjectNode response = response(model, predictions);
        if (explain) {
            if (!(model.bundle().pipeline().model() instanceof Explainable)) {
                throw new BadRequestException("explain=true: explanations need a tree model; " + model.ref() + " is '"
                        + model.bundle().pipeline().model().type() + "'");
            }
            List<Explanation> explanations;
            try {
                explanations = model.bundle().pipeline().explain(input);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("explain=true: " + e.getMessage());
            }
            addExplanations(response, explanations, predictions, ((Explainable) model.bundle().pipeline().model()).outputSpace());
        }
        Json.send(ctx, 200, response);
    }

    private static Frame decode(JsonNode body, InputDecoder decoder) {
        if (body.isArray()) {
            return decoder.records((ArrayNode) body, "records");
        }
        if (!body.isObject()) {
            throw new BadRequestException("expected a JSON object, an array of objects, {\"records\": [...]} or {\"columns\": {...}}");
        }
        if (body.size() == 1 && body.has("records")) {
            JsonNode records = body.get("records");
            if (!records.isArray()) {
                throw new BadRequestException("records: expected an array of objects, found " + InputDecoder.kind(records));
            }
            return decoder.records((ArrayNode) records, "records");
        }
        if (body.size() == 1 && body.has("columns")) {
            JsonNode columns = body.get("columns");
            if (!columns.isObject()) {
                throw new BadRequestException("columns: expected an object of arrays, found " + InputDecoder.kind(columns));
            }
            return decoder.columns((ObjectNode) columns, "columns");
        }
        return decoder.records(Json.MAPPER.createArrayNode().add(body), "records");
    }

    /**
     * Adds {@code explanation: {baseline, contributions, space}} to each prediction: exact TreeSHAP values in the
     * model's raw output {@code space} (probability, value, log_odds or softmax_score); for binary classifiers
     * toward the second class, for multiclass per class, for regression in the target's units.
     */
    private static void addExplanations(ObjectNode response, List<Explanation> explanations, Predictions predictions,
            String space) {
        List<String> classes = predictions.classes();
        for (int i = 0; i < explanations.size(); i++) {
            Explanation explanation = explanations.get(i);
            ObjectNode node = ((ObjectNode) response.get("predictions").get(i)).putObject("explanation");
            node.put("space", space);
            node.set("baseline", outputs(explanation.baseline(), classes));
            ObjectNode contributions = node.putObject("contributions");
            explanation.contributions().forEach((column, values) -> contributions.set(column, outputs(values, classes)));
        }
    }

    private static JsonNode outputs(double[] values, List<String> classes) {
        if (classes.isEmpty() || values.length == 1) {
            return Json.MAPPER.getNodeFactory().numberNode(values[0]);
        }
        if (classes.size() == 2) {
            return Json.MAPPER.getNodeFactory().numberNode(values[1]);
        }
        ObjectNode byClass = Json.MAPPER.createObjectNode();
        for (int k = 0; k < classes.size(); k++) {
            byClass.put(classes.get(k), values[k]);
        }
        return byClass;
    }

    private static ObjectNode response(ServedModel model, Predictions predictions) {
        ObjectNode out = Json.MAPPER.createObjectNode().put("model", model.ref());
        ArrayNode items = out.putArray("predictions");
        for (int i = 0; i < predictions.size(); i++) {
            ObjectNode item = items.addObject();
            if (predictions.task().isClassification()) {
                item.put("prediction", predictions.label(i));
                ObjectNode probabilities = item.putObject("probabilities");
                for (int c = 0; c < predictions.classes().size(); c++) {
                    probabilities.put(predictions.classes().get(c), predictions.probability(i, c));
                }
            } else {
                item.put("prediction", predictions.value(i));
            }
        }
        return out;
    }
}
