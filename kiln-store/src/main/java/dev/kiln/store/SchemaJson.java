package dev.kiln.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Field;
import dev.kiln.data.Role;
import dev.kiln.data.Schema;
import java.util.ArrayList;
import java.util.List;

/** A snapshot's schema as JSON: {@code [{"name": ..., "kind": ..., "levels": [...]}, ...]}. */
final class SchemaJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SchemaJson() {
    }

    static String write(Schema schema) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Field field : schema.fields()) {
            ObjectNode node = array.addObject().put("name", field.name()).put("kind", field.kind().label());
            if (!field.levels().isEmpty()) {
                field.levels().forEach(node.putArray("levels")::add);
            }
        }
        return array.toString();
    }

    static Schema read(String json) {
        try {
            List<Field> fields = new ArrayList<>();
            for (JsonNode node : MAPPER.readTree(json)) {
                List<String> levels = new ArrayList<>();
                node.path("levels").forEach(level -> levels.add(level.asText()));
                ColumnKind kind = ColumnKind.fromLabel(node.path("kind").asText());
                if (kind == null) {
                    throw new StoreException("corrupt snapshot schema in store: unknown kind " + node.path("kind"));
                }
                fields.add(new Field(node.path("name").asText(), kind, Role.FEATURE, levels));
            }
            return Schema.of(fields);
        } catch (JsonProcessingException e) {
            throw new StoreException("corrupt snapshot schema in store", e);
        }
    }
}
