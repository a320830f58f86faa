package dev.kiln.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Field;
import dev.kiln.data.Role;
import dev.kiln.data.Schema;
import dev.kiln.data.TimestampColumn;
import dev.kiln.data.Values;
import dev.kiln.learn.RowPipeline;
import dev.kiln.prep.RowLayout;
import dev.kiln.server.monitor.LogLayout;
import dev.kiln.server.monitor.PredictionLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The fast path of {@code POST /predict} for the common request, one JSON record: parses the body with
 * a streaming parser straight into the model's raw row, runs the compiled {@link RowPipeline} and
 * writes the same response bytes as the general path, with no tree, frame or map per request.
 * Anything else — several records, columns, a missing, unknown or repeated field, a value of the
 * wrong type, malformed JSON — is left to the general path ({@link #predict} returns null), which
 * answers it or reports the error with the field's name. Thread-safe: buffers are per thread.
 */
final class RecordPredictor {
    /** Slot marker of a schema field that the model does not read: its value is skipped. */
    private static final int IGNORED = FlatRecordScanner.IGNORED;
    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

    private final RowPipeline rows;
    private final String ref;
    private final Map<String, Integer> slots = new HashMap<>();
    private final ColumnKind[] kinds;
    private final List<Map<String, Integer>> codes;
    private final List<String> classes;
    private final ThreadLocal<Buffers> buffers;
    /** The byte-level reader of the commonest bodies; what it declines goes to the streaming parse. */
    private final FlatRecordScanner scanner;
    /** The response up to the prediction, and each class label as a JSON string. */
    private final byte[] prefix;
    private final byte[][] quotedClasses;

    /**
     * Per-thread state: the row, which slots were given, the text of unseen categories and text slots and the key
     * field's value (for the prediction log), the last output, the response buffer.
     */
    private final class Buffers {
        final RowPipeline.Scratch scratch = rows.newScratch();
        final boolean[] seen = new boolean[kinds.length];
        final String[] texts = new String[kinds.length];
        final ByteArrayBuilder out = new ByteArrayBuilder(256);
        String key;
        double[] output;
    }

    RecordPredictor(Schema schema, RowPipeline rows, String ref) {
        this.rows = rows;
        this.ref = ref;
        RowLayout input = rows.input();
        this.kinds = new ColumnKind[input.size()];
        List<Map<String, Integer>> byLabel = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            RowLayout.Slot slot = input.slot(i);
            slots.put(slot.name(), i);
            kinds[i] = slot.kind();
            Map<String, Integer> codeOf = new HashMap<>();
            for (int k = 0; k < slot.levels().size(); k++) {
                codeOf.putIfAbsent(slot.levels().get(k), k);
            }
            byLabel.add(codeOf);
        }
        for (Field field : schema.fields()) {
            if (field.role() != Role.FEATURE) {
                slots.put(field.name(), IGNORED);
            }
        }
        this.codes = List.copyOf(byLabel);
        // the features in slot order (the order clients mostly send), then the fields the model does not read
        List<String> names = new ArrayList<>(slots.keySet());
        names.sort(java.util.Comparator.comparingInt((String name) -> slots.get(name) == IGNORED ? Integer.MAX_VALUE
                : slots.get(name)));
        this.scanner = new FlatRecordScanner(names, names.stream().mapToInt(slots::get).toArray(), kinds,
                IntStream.range(0, input.size()).mapToObj(i -> input.slot(i).levels()).toList());
        this.classes = rows.model().classes();
        this.quotedClasses = classes.stream().map(RecordPredictor::quoted).toArray(byte[][]::new);
        this.prefix = concat(concat("{\"model\":".getBytes(StandardCharsets.US_ASCII), quoted(ref)),
                ",\"predictions\":[{\"prediction\":".getBytes(StandardCharsets.US_ASCII));
        this.buffers = ThreadLocal.withInitial(Buffers::new);
    }

    /** The response to a body holding one record, or null when the general path must handle the body. */
    byte[] predict(byte[] body) throws IOException {
        return predict(body, null);
    }

    /**
     * As {@link #predict(byte[])}, also keeping (per thread, until the next call) what {@link #log} hands the
     * prediction log: the raw row, the text of unseen categories and text fields, and the value of the non-feature
     * field {@code keyField} (null: none).
     */
    byte[] predict(byte[] body, String keyField) throws IOException {
        Buffers b = buffers.get();
        double[] row = b.scratch.input();
        b.key = null;
        if (!parse(body, row, b, keyField)) {
            return null;
        }
        double[] out = rows.predict(b.scratch);
        b.output = out;
        return respond(out, b.out);
    }

    /** A body's raw row and texts as one of the two readers gives them (for tests comparing them). */
    record RawRow(double[] row, String[] texts) {
    }

    /** What the byte scanner reads from {@code body} (true) or the streaming parse (false); null when it declines the body. */
    RawRow read(byte[] body, boolean scanner) throws IOException {
        Buffers b = buffers.get();
        double[] row = b.scratch.input();
        boolean taken = scanner ? this.scanner.scan(body, row, b.texts, b.seen) : parseTokens(body, row, b, null);
        return taken ? new RawRow(Arrays.copyOf(row, kinds.length), b.texts.clone()) : null;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Hands this thread's last predicted row to {@code log} (see {@link PredictionLog#recordRow}); returns its id or null. */
    String log(PredictionLog log, LogLayout layout, long latencyNanos) {
        Buffers b = buffers.get();
        return log.recordRow(layout, b.scratch.input(), b.texts, b.output, b.key, latencyNanos);
    }

    private boolean parse(byte[] body, double[] row, Buffers b, String keyField) throws IOException {
        boolean[] seen = b.seen;
        String[] texts = b.texts;
        if (keyField == null && scanner.scan(body, row, texts, seen)) {
            return true;
        }
        return parseTokens(body, row, b, keyField);
    }

    /** The streaming parse of a body: Jackson's tokens straight into the row; false when the general path must judge it. */
    private boolean parseTokens(byte[] body, double[] row, Buffers b, String keyField) throws IOException {
        boolean[] seen = b.seen;
        String[] texts = b.texts;
        Arrays.fill(seen, false);
        Arrays.fill(texts, null);
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            int given = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                Integer slot = slots.get(p.currentName());
                if (slot == null || t != JsonToken.FIELD_NAME) {
                    return false;
                }
                JsonToken value = p.nextToken();
                if (slot == IGNORED) {
                    if (keyField != null && value.isScalarValue() && value != JsonToken.VALUE_NULL
                            && keyField.equals(p.currentName())) {
                        b.key = scalar(p, value);
                    }
                    p.skipChildren();
                    continue;
                }
                if (seen[slot] || !read(p, value, slot, row, texts)) {
                    return false;
                }
                seen[slot] = true;
                given++;
            }
            return given == seen.length && p.nextToken() == null;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return false;
        }
    }

    /** Reads one value into {@code row[slot]}; false when the general path must judge it. */
    /** A key field's value as text, as the feedback endpoint writes a key: 1 and 1.0 both read "1". */
    private static String scalar(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
            double number = p.getDoubleValue();
            return number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString((long) number) : Double.toString(number);
        }
        return p.getText();
    }

    private boolean read(JsonParser p, JsonToken value, int slot, double[] row, String[] texts) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            row[slot] = Double.NaN;
            return true;
        }
        switch (kinds[slot]) {
            case NUMERIC -> {
                if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
                    return false;
                }
                double v = p.getDoubleValue();
                row[slot] = v;
                return !Double.isInfinite(v);
            }
            case CATEGORICAL -> {
                if (value != JsonToken.VALUE_STRING) {
                    return false;
                }
                String text = p.getText();
                Integer code = codes.get(slot).get(text);
                if (code == null) {
                    row[slot] = RowLayout.UNSEEN;
                    texts[slot] = text;
                } else {
                    row[slot] = code;
                }
                return true;
            }
            case BOOLEAN -> {
                if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
                    return false;
                }
                row[slot] = value == JsonToken.VALUE_TRUE ? 1 : 0;
                return true;
            }
            case TIMESTAMP -> {
                long instant = value == JsonToken.VALUE_STRING ? Values.parseTimestamp(p.getText()) : TimestampColumn.MISSING;
                row[slot] = instant;
                return instant != TimestampColumn.MISSING;
            }
            case TEXT -> {
                row[slot] = Double.NaN;
                texts[slot] = value.isScalarValue() ? p.getText() : null;
                return value.isScalarValue();
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * The general path's response for one row: model, then the prediction and (for classifiers) probabilities, in the
     * bytes Jackson's generator writes (strings escaped as it escapes them, numbers as its fast double writer gives
     * them, a non-finite one quoted), assembled from parts encoded once.
     */
    private byte[] respond(double[] out, ByteArrayBuilder buffer) {
        buffer.reset();
        buffer.write(prefix);
        if (classes.isEmpty()) {
            number(buffer, out[0]);
        } else {
            int best = 0;
            for (int c = 1; c < classes.size(); c++) {
                if (out[c] > out[best]) {
                    best = c;
                }
            }
            buffer.write(quotedClasses[best]);
            buffer.write(PROBABILITIES);
            for (int c = 0; c < classes.size(); c++) {
                if (c > 0) {
                    buffer.append(',');
                }
                buffer.write(quotedClasses[c]);
                buffer.append(':');
                number(buffer, out[c]);
            }
            buffer.append('}');
        }
        buffer.write(SUFFIX);
        return buffer.toByteArray();
    }

    private static final byte[] PROBABILITIES = ",\"probabilities\":{".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUFFIX = "}]}".getBytes(StandardCharsets.US_ASCII);

    /** {@code value} as {@link Json#MAPPER} writes a double (its fast writer: Schubfach). */
    private static void number(ByteArrayBuilder buffer, double value) {
        String text = NumberOutput.toString(value, true);
        boolean quoted = Double.isNaN(value) || Double.isInfinite(value);
        if (quoted) {
            buffer.append('"');
        }
        for (int i = 0; i < text.length(); i++) {
            buffer.append(text.charAt(i));
        }
        if (quoted) {
            buffer.append('"');
        }
    }

    /** {@code text} as a JSON string, escaped as the generator escapes it. */
    private static byte[] quoted(String text) {
        try {
            return Json.MAPPER.writeValueAsBytes(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
