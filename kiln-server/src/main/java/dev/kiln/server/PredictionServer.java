package dev.kiln.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.bundle.Bundle;
import dev.kiln.data.InvalidDataException;
import dev.kiln.learn.Predictions;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one model bundle over HTTP: {@code POST /predict} (JSON records in, predictions out) and
 * {@code GET /health}. Bad input is answered with 400 and a message naming the field; anything else
 * with 500 and no stack trace. Binds to the host it is given (127.0.0.1 unless told otherwise).
 */
public final class PredictionServer implements AutoCloseable {
    /** Largest request body accepted, in bytes. */
    public static final long MAX_BODY_BYTES = 16L * 1024 * 1024;
    /** Most records accepted in one request. */
    public static final int MAX_RECORDS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(PredictionServer.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final Bundle bundle;
    private final RecordReader reader;
    private final Javalin app;

    /** A server for {@code bundle}, known to clients as {@code name}; not started yet. */
    public PredictionServer(String name, Bundle bundle) {
        this.name = name;
        this.bundle = bundle;
        this.reader = new RecordReader(bundle.pipeline().inputSchema());
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.routes.get("/health", this::health);
            config.routes.post("/predict", this::predict);
            config.routes.exception(BadRequestException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            config.routes.exception(InvalidDataException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("prediction failed", e);
                error(ctx, 500, "internal error");
            });
        });
    }

    /** Starts listening on {@code host}:{@code port} (port 0 picks a free one); returns this. */
    public PredictionServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    private void health(Context ctx) throws JsonProcessingException {
        ObjectNode body = JSON.createObjectNode().put("status", "ok").put("model", name)
                .put("task", bundle.manifest().task()).put("run_id", bundle.manifest().lineage().runId());
        send(ctx, 200, body);
    }

    private void predict(Context ctx) throws IOException {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.bodyAsBytes());
        } catch (JsonProcessingException e) {
            throw new BadRequestException("malformed JSON: " + e.getOriginalMessage());
        }
        if (body == null || body.isMissingNode()) {
            throw new BadRequestException("empty body, expected JSON records");
        }
        List<ObjectNode> records = RecordReader.records(body, MAX_RECORDS);
        Predictions predictions = bundle.pipeline().predict(reader.read(records));
        send(ctx, 200, response(predictions));
    }

    private ObjectNode response(Predictions predictions) {
        ObjectNode out = JSON.createObjectNode().put("model", name);
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

    private static void error(Context ctx, int status, String message) {
        try {
            send(ctx, status, JSON.createObjectNode().put("error", message));
        } catch (JsonProcessingException e) {
            ctx.status(status).result(message);
        }
    }

    private static void send(Context ctx, int status, JsonNode body) throws JsonProcessingException {
        ctx.status(status).contentType("application/json").result(JSON.writeValueAsBytes(body));
    }

    /** Stops the server; safe to call more than once. */
    @Override
    public void close() {
        app.stop();
    }
}
