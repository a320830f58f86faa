package dev.kiln.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kiln.data.Values;
import io.javalin.http.Context;
import java.io.IOException;

/** Reading request bodies and writing JSON responses, with malformed input turned into a 400. */
final class Json {
    /**
     * Reads numbers with Jackson's fast double parser (the same, correctly rounded values as Double.parseDouble) and
     * writes them with its fast writer (Schubfach: the shortest text that reads back as the same double, several
     * times faster than Java 17's Double.toString, which is not always the shortest).
     */
    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build()).build();

    private Json() {
    }

    /** The request body as JSON; {@link BadRequestException} when it is empty or malformed. */
    static JsonNode body(Context ctx) throws IOException {
        return body(ctx.bodyAsBytes());
    }

    /** {@code bytes} as JSON; {@link BadRequestException} when empty or malformed. */
    static JsonNode body(byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            throw new BadRequestException("empty body, expected JSON");
        }
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new BadRequestException("empty body, expected JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new BadRequestException("malformed JSON: " + e.getOriginalMessage());
        }
    }

    static void send(Context ctx, int status, JsonNode body) throws JsonProcessingException {
        ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(body));
    }

    static void error(Context ctx, int status, String message) {
        try {
            send(ctx, status, MAPPER.createObjectNode().put("error", message));
        } catch (JsonProcessingException e) {
            ctx.status(status).result(message);
        }
    }

    /** A class label as JSON: a number when it reads as one (as the training data had it), else a string. */
    static JsonNode label(String label) {
        double number = Values.parseNumber(label);
        if (Double.isNaN(number)) {
            return MAPPER.getNodeFactory().textNode(label);
        }
        return number == Math.rint(number) && Math.abs(number) < 1e15
                ? MAPPER.getNodeFactory().numberNode((long) number)
                : MAPPER.getNodeFactory().numberNode(number);
    }
}
