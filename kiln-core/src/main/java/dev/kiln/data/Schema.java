package dev.kiln.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The names, kinds and roles of a frame's columns, in order. Immutable. */
public final class Schema {
    private final List<Field> fields;
    private final Map<String, Field> byName;

    private Schema(List<Field> fields) {
        this.fields = List.copyOf(fields);
        this.byName = new LinkedHashMap<>();
        for (Field field : this.fields) {
            Checks.checkArgument(byName.put(field.name(), field) == null, "duplicate column name: '%s'", field.name());
        }
    }

    public static Schema of(List<Field> fields) {
        return new Schema(fields);
    }

    /** The schema of {@code frame}: every column a feature. */
    public static Schema of(Frame frame) {
        List<Field> fields = new ArrayList<>();
        for (Column column : frame.columns()) {
            List<String> levels = column instanceof CategoricalColumn c ? c.levels() : List.of();
            fields.add(new Field(column.name(), column.kind(), Role.FEATURE, levels));
        }
        return new Schema(fields);
    }

    public List<Field> fields() {
        return fields;
    }

    public Optional<Field> field(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    public List<String> names() {
        return fields.stream().map(Field::name).toList();
    }

    /** The fields with {@code role}, in order. */
    public List<Field> withRole(Role role) {
        return fields.stream().filter(f -> f.role() == role).toList();
    }

    /** A copy where the named column has {@code role}. */
    public Schema withRole(String name, Role role) {
        Checks.checkArgument(byName.containsKey(name), "no column named '%s' (columns: %s)", name, names());
        List<Field> out = new ArrayList<>();
        for (Field f : fields) {
            out.add(f.name().equals(name) ? f.withRole(role) : f);
        }
        return new Schema(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schema other && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return "Schema" + fields;
    }
}
