package dev.kiln.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.Field;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.Role;
import dev.kiln.data.Schema;
import dev.kiln.data.TextColumn;
import dev.kiln.data.TimestampColumn;
import dev.kiln.data.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns JSON records into a frame shaped by a pipeline's input schema. Every feature must be present
 * (null means missing); a field the schema does not know, or a value of the wrong type, is a
 * {@link BadRequestException} naming the record and field.
 */
final class RecordReader {
    private final Schema schema;

    RecordReader(Schema schema) {
        this.schema = schema;
    }

    /** The records of a request body: one object, an array of objects, or {@code {"records": [...]}}. */
    static List<ObjectNode> records(JsonNode body, int maxRecords) {
        JsonNode array = body;
        if (body.isObject() && body.has("records") && body.size() == 1) {
            array = body.get("records");
            if (!array.isArray()) {
                throw new BadRequestException("records: expected an array of objects");
            }
        }
        List<ObjectNode> out = new ArrayList<>();
        if (array.isObject()) {
            out.add((ObjectNode) array);
        } else if (array.isArray()) {
            for (int i = 0; i < array.size(); i++) {
                if (!array.get(i).isObject()) {
                    throw new BadRequestException("records[" + i + "]: expected an object, found " + array.get(i).getNodeType().name().toLowerCase());
                }
                out.add((ObjectNode) array.get(i));
            }
        } else {
            throw new BadRequestException("expected a JSON object, an array of objects or {\"records\": [...]}");
        }
        if (out.isEmpty()) {
            throw new BadRequestException("records: expected at least one record");
        }
        if (out.size() > maxRecords) {
            throw new BadRequestException("records: " + out.size() + " records, at most " + maxRecords + " per request");
        }
        return out;
    }

    Frame read(List<ObjectNode> records) {
        for (int i = 0; i < records.size(); i++) {
            for (Map.Entry<String, JsonNode> e : records.get(i).properties()) {
                if (!schema.contains(e.getKey())) {
                    throw new BadRequestException("records[" + i + "]." + e.getKey() + ": unknown field (expected: "
                            + String.join(", ", schema.names()) + ")");
                }
            }
        }
        List<Column> columns = new ArrayList<>();
        for (Field field : schema.fields()) {
            if (field.role() == Role.FEATURE) {
                columns.add(column(field, records));
            }
        }
        return Frame.of(columns);
    }

    private static Column column(Field field, List<ObjectNode> records) {
        int n = records.size();
        String name = field.name();
        switch (field.kind()) {
            case NUMERIC -> {
                double[] values = new double[n];
                for (int i = 0; i < n; i++) {
                    JsonNode v = value(records, i, name);
                    if (!v.isNull() && !v.isNumber()) {
                        throw wrongType(i, name, "a number or null", v);
                    }
                    values[i] = v.isNull() ? Double.NaN : v.doubleValue();
                }
                return NumericColumn.wrap(name, values);
            }
            case BOOLEAN -> {
                int[] codes = new int[n];
                for (int i = 0; i < n; i++) {
                    JsonNode v = value(records, i, name);
                    if (!v.isNull() && !v.isBoolean()) {
                        throw wrongType(i, name, "true, false or null", v);
                    }
                    codes[i] = v.isNull() ? CategoricalColumn.MISSING : v.booleanValue() ? 1 : 0;
                }
                return CategoricalColumn.ofBooleans(name, codes);
            }
            case TIMESTAMP -> {
                long[] values = new long[n];
                for (int i = 0; i < n; i++) {
                    JsonNode v = value(records, i, name);
                    values[i] = v.isNull() ? TimestampColumn.MISSING : v.isTextual() ? Values.parseTimestamp(v.textValue()) : TimestampColumn.MISSING;
                    if (!v.isNull() && values[i] == TimestampColumn.MISSING) {
                        throw wrongType(i, name, "an ISO-8601 date or date-time string or null", v);
                    }
                }
                return TimestampColumn.of(name, values);
            }
            default -> {
                String[] labels = new String[n];
                for (int i = 0; i < n; i++) {
                    JsonNode v = value(records, i, name);
                    if (!v.isNull() && !v.isValueNode()) {
                        throw wrongType(i, name, "a string or null", v);
                    }
                    labels[i] = v.isNull() ? null : v.isNumber() ? formatNumber(v) : v.asText();
                }
                return field.kind() == dev.kiln.data.ColumnKind.TEXT ? TextColumn.of(name, labels) : CategoricalColumn.ofLabels(name, labels);
            }
        }
    }

    /** A number written as a category label the way the CSV reader would see it ({@code 3}, not {@code 3.0}). */
    private static String formatNumber(JsonNode v) {
        return v.isIntegralNumber() ? v.asText() : NumericColumn.of("v", new double[] {v.doubleValue()}).format(0);
    }

    private static JsonNode value(List<ObjectNode> records, int i, String name) {
        JsonNode v = records.get(i).get(name);
        if (v == null) {
            throw new BadRequestException("records[" + i + "]." + name + ": missing field (send null for a missing value)");
        }
        return v;
    }

    private static BadRequestException wrongType(int i, String name, String expected, JsonNode found) {
        String shown = found.toString();
        if (shown.length() > 40) {
            shown = shown.substring(0, 40) + "...";
        }
        return new BadRequestException("records[" + i + "]." + name + ": expected " + expected + ", found " + shown);
    }
}
