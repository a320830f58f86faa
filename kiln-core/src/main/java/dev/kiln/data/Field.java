package dev.kiln.data;

import java.util.List;
import java.util.Objects;

/**
 * One column of a {@link Schema}: its name, kind and role, and for categorical or boolean columns the
 * levels known when the schema was taken (empty otherwise).
 */
public record Field(String name, ColumnKind kind, Role role, List<String> levels) {
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(role, "role");
        levels = List.copyOf(levels);
    }

    public Field(String name, ColumnKind kind, Role role) {
        this(name, kind, role, List.of());
    }

    public Field withRole(Role newRole) {
        return new Field(name, kind, newRole, levels);
    }
}
