package dev.kiln.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.bundle.Bundle;
import dev.kiln.data.Values;
import dev.kiln.store.LoggedPrediction;
import dev.kiln.store.MonitorLog;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /feedback}: the true label of earlier predictions, any time later, joined to the logged prediction
 * by its id ({@code {"id": "...", "label": 1}}) or by the value of the model's key column
 * ({@code {"model": "m", "key": "AA-1234", "label": 1}}); one object, an array, or {@code {"feedback": [...]}}.
 * Every item is checked before any is recorded: a malformed item, or a label that is not a number for a regression,
 * is a 400 naming the item and field; when no item names a logged prediction, 404. A class the model never saw is
 * recorded (it is news: live quality counts it, and a retraining learns it).
 */
final class FeedbackApi {
    private static final Set<String> FIELDS = Set.of("id", "model", "key", "label");
    private static final Duration FLUSH = Duration.ofSeconds(2);

    private final ServerMonitoring monitoring;

    FeedbackApi(ServerMonitoring monitoring) {
        this.monitoring = monitoring;
    }

    /** One item: where it is in the body, which prediction it names (null until resolved) and its label as text. */
    private record Item(String path, String id, String model, String key, String label) {
    }

    void feedback(Context ctx) throws IOException, InterruptedException {
        if (monitoring == null) {
            throw new NotFoundException("feedback needs monitoring: start the server with a store (kiln serve --store DIR)");
        }
        List<Item> items = parse(Json.body(ctx));
        MonitorLog log = monitoring.store().monitorLog();
        List<LoggedPrediction> found = new ArrayList<>();
        List<Item> kept = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Item item : items) {
            Optional<LoggedPrediction> prediction = lookup(log, item);
            if (prediction.isEmpty()) {
                unknown.add(item.id() != null ? item.id() : item.model() + " key " + item.key());
                continue;
            }
            checkLabel(item, prediction.get());
            found.add(prediction.get());
            kept.add(item);
        }
        if (found.isEmpty()) {
            throw new NotFoundException("no logged prediction " + String.join(", ", unknown)
                    + " (never logged, sampled out, or removed by retention)");
        }
        long now = System.currentTimeMillis();
        ObjectNode out = Json.MAPPER.createObjectNode().put("accepted", found.size());
        ArrayNode ids = out.putArray("ids");
        for (int i = 0; i < found.size(); i++) {
            log.feedback(found.get(i).id(), kept.get(i).label(), now);
            ids.add(found.get(i).id());
        }
        ArrayNode missing = out.putArray("unknown");
        unknown.forEach(missing::add);
        Json.send(ctx, 200, out);
    }

    private Optional<LoggedPrediction> lookup(MonitorLog log, Item item) throws InterruptedException {
        Optional<LoggedPrediction> found = find(log, item);
        if (found.isEmpty()) {
            monitoring.log().flush(FLUSH); // it may still be on its way to the store
            found = find(log, item);
        }
        return found;
    }

    private static Optional<LoggedPrediction> find(MonitorLog log, Item item) {
        String id = item.id() != null ? item.id() : log.findByKey(item.model(), item.key()).orElse(null);
        return id == null ? Optional.empty() : log.find(id);
    }

    private void checkLabel(Item item, LoggedPrediction prediction) {
        Bundle bundle = monitoring.models().bundle(prediction.model(), prediction.version());
        if (bundle == null) {
            return;
        }
        if (bundle.manifest().classes().isEmpty() && Double.isNaN(Values.parseNumber(item.label()))) {
            throw new BadRequestException(item.path() + ".label: expected a number (model " + prediction.model()
                    + " is a regression), found '" + item.label() + "'");
        }
    }

    private static List<Item> parse(JsonNode body) {
        JsonNode items = body;
        String path = "feedback";
        if (body.isObject() && body.has("feedback")) {
            items = body.get("feedback");
            if (!items.isArray()) {
                throw new BadRequestException("feedback: expected an array of objects, found " + InputDecoder.kind(items));
            }
        }
        List<Item> out = new ArrayList<>();
        if (items.isObject()) {
            out.add(item(items, "feedback"));
            return out;
        }
        if (!items.isArray() || items.isEmpty()) {
            throw new BadRequestException("expected {\"id\": ..., \"label\": ...}, an array of those, or {\"feedback\": [...]}");
        }
        for (int i = 0; i < items.size(); i++) {
            out.add(item(items.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    private static Item item(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new BadRequestException(path + ": expected an object, found " + InputDecoder.kind(node));
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw new BadRequestException(path + "." + name + ": unknown field (expected: id, or model and key; and label)");
            }
        });
        String label = label(node.get("label"), path + ".label");
        String id = text(node, "id", path);
        String model = text(node, "model", path);
        String key = node.has("key") && !node.get("key").isNull() ? scalar(node.get("key"), path + ".key") : null;
        if (id == null && (model == null || key == null)) {
            throw new BadRequestException(path + ": give the prediction's 'id' (the " + PredictionRecorder.ID_HEADER
                    + " header of its answer), or 'model' and 'key'");
        }
        if (id != null && key != null) {
            throw new BadRequestException(path + ": give either 'id' or 'model' and 'key', not both");
        }
        return new Item(path, id, model, key, label);
    }

    private static String text(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new BadRequestException(path + "." + field + ": expected a non-empty string, found " + InputDecoder.kind(value));
        }
        return value.asText();
    }

    private static String label(JsonNode value, String path) {
        if (value == null) {
            throw new BadRequestException(path + ": missing field (the true label)");
        }
        if (value.isNull()) {
            throw new BadRequestException(path + ": expected a class or a number, found null");
        }
        return scalar(value, path);
    }

    /** A string, number or boolean as the text a label or key has in the log: 1 and 1.0 both read "1". */
    private static String scalar(JsonNode value, String path) {
        if (value.isTextual() || value.isBoolean()) {
            return value.asText();
        }
        if (value.isNumber()) {
            double number = value.asDouble();
            return number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString((long) number) : Double.toString(number);
        }
        throw new BadRequestException(path + ": expected a string, number or boolean, found " + InputDecoder.kind(value));
    }
}
