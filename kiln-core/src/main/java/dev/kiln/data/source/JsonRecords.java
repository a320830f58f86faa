package dev.kiln.data.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON objects as rows of a {@link TextTable}: one column per key, in order of first appearance; numbers and
 * booleans by their JSON text, strings as they are, null as missing, nested objects and arrays as JSON text.
 */
final class JsonRecords {
    private JsonRecords() {
    }

    /** Adds {@code record} as a new row; false (and nothing added) when it is not a JSON object. */
    static boolean add(TextTable table, JsonNode record) {
        if (record == null || !record.isObject()) {
            return false;
        }
        table.newRow();
        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            table.set(e.getKey(), text(e.getValue()));
        }
        return true;
    }

    static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
