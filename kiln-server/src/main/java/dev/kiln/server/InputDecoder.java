package dev.kiln.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.Column;
import dev.kiln.data.Field;
import dev.kiln.data.Frame;
import dev.kiln.data.Role;
import dev.kiln.data.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the three shapes of tabular JSON that clients send into a frame shaped by a model's input
 * schema: records (one object per row), columns (one array per column) and rows (column names plus
 * one array per row). Every feature must be given (null means missing); a name the schema does not
 * know, or a value of the wrong type, is a {@link BadRequestException} naming its place in the request.
 */
final class InputDecoder {
    private final Schema schema;
    private final int maxRows;

    InputDecoder(Schema schema, int maxRows) {
        this.schema = schema;
        this.maxRows = maxRows;
    }

    /** {@code records}: an array of objects, one per row; {@code path} names the array in errors. */
    Frame records(ArrayNode records, String path) {
        checkRows(records.size(), path);
        Map<String, FieldBuilder> builders = builders(records.size());
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            int row = i;
            if (!record.isObject()) {
                throw new BadRequestException(path + "[" + i + "]: expected an object, found " + kind(record));
            }
            for (Map.Entry<String, JsonNode> e : record.properties()) {
                FieldBuilder builder = builder(builders, e.getKey(), () -> path + "[" + row + "]." + e.getKey());
                if (builder != null) {
                    builder.set(row, e.getValue(), () -> path + "[" + row + "]." + e.getKey());
                }
            }
        }
        return build(builders, (row, name) -> path + "[" + row + "]." + name + ": missing field");
    }

    /** {@code columns}: an object of equally long arrays, one per column. */
    Frame columns(ObjectNode columns, String path) {
        int rows = -1;
        for (Map.Entry<String, JsonNode> e : columns.properties()) {
            if (!e.getValue().isArray()) {
                throw new BadRequestException(path + "." + e.getKey() + ": expected an array of values, found " + kind(e.getValue()));
            }
            if (rows >= 0 && e.getValue().size() != rows) {
                throw new BadRequestException(path + "." + e.getKey() + ": " + e.getValue().size() + " values, but other columns have " + rows);
            }
            rows = e.getValue().size();
        }
        checkRows(Math.max(rows, 0), path);
        Map<String, FieldBuilder> builders = builders(rows);
        for (Map.Entry<String, JsonNode> e : columns.properties()) {
            FieldBuilder builder = builder(builders, e.getKey(), () -> path + "." + e.getKey());
            for (int i = 0; builder != null && i < rows; i++) {
                int row = i;
                builder.set(row, e.getValue().get(i), () -> path + "." + e.getKey() + "[" + row + "]");
            }
        }
        return build(builders, (row, name) -> path + ": missing column '" + name + "'");
    }

    /** {@code rows}: one array per row, its values in the order of {@code names}. */
    Frame rows(List<String> names, ArrayNode rows, String path) {
        checkRows(rows.size(), path);
        Map<String, FieldBuilder> builders = builders(rows.size());
        List<FieldBuilder> byPosition = new ArrayList<>();
        for (String name : names) {
            byPosition.add(builder(builders, name, () -> path + ": column '" + name + "'"));
        }
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            int r = i;
            if (!row.isArray() || row.size() != names.size()) {
                throw new BadRequestException(path + "[" + i + "]: expected an array of " + names.size() + " values, found " + kind(row));
            }
            for (int j = 0; j < names.size(); j++) {
                FieldBuilder builder = byPosition.get(j);
                int c = j;
                if (builder != null) {
                    builder.set(i, row.get(j), () -> path + "[" + r + "][" + c + "] (" + names.get(c) + ")");
                }
            }
        }
        return build(builders, (row, name) -> path + ": missing column '" + name + "'");
    }

    /** The names of the features, in schema order: the column order of positional inputs. */
    List<String> featureNames() {
        return schema.withRole(Role.FEATURE).stream().map(Field::name).toList();
    }

    private void checkRows(int rows, String path) {
        if (rows == 0) {
            throw new BadRequestException(path + ": expected at least one row");
        }
        if (rows > maxRows) {
            throw new BadRequestException(path + ": " + rows + " rows, at most " + maxRows + " per request");
        }
    }

    private Map<String, FieldBuilder> builders(int rows) {
        Map<String, FieldBuilder> builders = new LinkedHashMap<>();
        for (Field field : schema.fields()) {
            builders.put(field.name(), field.role() == Role.FEATURE ? new FieldBuilder(field, rows) : null);
        }
        return builders;
    }

    /** The builder of {@code name}; null for a column the model ignores; an error for an unknown name. */
    private FieldBuilder builder(Map<String, FieldBuilder> builders, String name, FieldBuilder.Location where) {
        if (!builders.containsKey(name)) {
            throw new BadRequestException(where.describe() + ": unknown field (expected: " + String.join(", ", schema.names()) + ")");
        }
        return builders.get(name);
    }

    /** Where a missing feature is reported: row and name to a message prefix. */
    @FunctionalInterface
    private interface MissingField {
        String describe(int row, String name);
    }

    private static Frame build(Map<String, FieldBuilder> builders, MissingField missing) {
        List<Column> columns = new ArrayList<>();
        for (FieldBuilder builder : builders.values()) {
            if (builder == null) {
                continue;
            }
            int unset = builder.firstUnset();
            if (unset >= 0) {
                throw new BadRequestException(missing.describe(unset, builder.field().name()) + " (send null for a missing value)");
            }
            columns.add(builder.build());
        }
        return Frame.of(columns);
    }

    static String kind(JsonNode node) {
        return node.isObject() ? "an object" : node.isArray() ? "an array" : node.isTextual() ? "a string"
                : node.isNumber() ? "a number" : node.isBoolean() ? "a boolean" : "null";
    }
}
