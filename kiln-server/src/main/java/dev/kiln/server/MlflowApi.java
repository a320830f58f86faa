package dev.kiln.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Field;
import dev.kiln.data.Frame;
import dev.kiln.data.InvalidDataException;
import dev.kiln.learn.Predictions;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The MLflow scoring protocol, so MLflow clients work unchanged: {@code POST /invocations} with a JSON
 * body holding one of {@code dataframe_split}, {@code dataframe_records}, {@code instances} or
 * {@code inputs} (plus optional {@code params}, ignored), or a CSV body ({@code Content-Type: text/csv}).
 * Answers {@code {"predictions": [...]}}: class labels for classifiers, values for regression.
 */
final class MlflowApi {
    private static final Set<String> FORMATS = Set.of("dataframe_split", "dataframe_records", "instances", "inputs");

    private final Supplier<ServedModels> models;

    private final PredictionRecorder recorder;

    MlflowApi(Supplier<ServedModels> models, PredictionRecorder recorder) {
        this.models = models;
        this.recorder = recorder;
    }

    void invocations(Context ctx) throws IOException {
        ServedModel model = models.get().defaultModel();
        ctx.attribute(ServerMetrics.MODEL, model.ref());
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase();
        Frame input = type.startsWith("text/csv") ? csv(ctx, model) : json(Json.body(ctx), model.decoder());
        Predictions predictions = model.bundle().pipeline().predict(input);
        ctx.attribute(ServerMetrics.ROWS, predictions.size());
        recorder.record(ctx, model, input, predictions);
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (int i = 0; i < predictions.size(); i++) {
            out.add(predictions.task().isClassification() ? Json.label(predictions.label(i)) : Json.MAPPER.getNodeFactory().numberNode(predictions.value(i)));
        }
        Json.send(ctx, 200, Json.MAPPER.createObjectNode().set("predictions", out));
    }

    private static Frame csv(Context ctx, ServedModel model) throws IOException {
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        for (Field field : model.bundle().pipeline().inputSchema().fields()) {
            kinds.put(field.name(), field.kind());
        }
        String body = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        try {
            return CsvReader.read(new StringReader(body), "body", CsvOptions.defaults().withKinds(kinds));
        } catch (InvalidDataException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static Frame json(JsonNode body, InputDecoder decoder) {
        List<String> present = new ArrayList<>();
        if (body.isObject()) {
            body.fieldNames().forEachRemaining(name -> {
                if (FORMATS.contains(name)) {
                    present.add(name);
                }
            });
        }
        if (present.size() != 1) {
            throw new BadRequestException("expected exactly one of dataframe_split, dataframe_records, instances or inputs"
                    + (present.isEmpty() ? "" : ", found " + present));
        }
        String format = present.get(0);
        JsonNode data = body.get(format);
        return switch (format) {
            case "dataframe_split" -> split(data, decoder);
            case "dataframe_records" -> {
                if (!data.isArray()) {
                    throw new BadRequestException("dataframe_records: expected an array of objects, found " + InputDecoder.kind(data));
                }
                yield decoder.records((ArrayNode) data, "dataframe_records");
            }
            default -> tensorLike(format, data, decoder);
        };
    }

    private static Frame split(JsonNode split, InputDecoder decoder) {
        if (!split.isObject() || !split.path("columns").isArray() || !split.path("data").isArray()) {
            throw new BadRequestException("dataframe_split: expected {\"columns\": [...], \"data\": [[...], ...]}");
        }
        List<String> columns = new ArrayList<>();
        split.get("columns").forEach(c -> columns.add(c.asText()));
        return decoder.rows(columns, (ArrayNode) split.get("data"), "dataframe_split.data");
    }

    /** {@code instances} or {@code inputs}: an object of column arrays, an array of records, or an array of rows in feature order. */
    private static Frame tensorLike(String format, JsonNode data, InputDecoder decoder) {
        if (data.isObject()) {
            return decoder.columns((ObjectNode) data, format);
        }
        if (data.isArray() && data.size() > 0 && data.get(0).isArray()) {
            return decoder.rows(decoder.featureNames(), (ArrayNode) data, format);
        }
        if (data.isArray()) {
            return decoder.records((ArrayNode) data, format);
        }
        throw new BadRequestException(format + ": expected an object of columns, an array of records or an array of rows, found "
                + InputDecoder.kind(data));
    }
}
