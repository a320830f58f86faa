package dev.kiln.data;

import java.util.Arrays;
import java.util.Objects;

/** A column of free text; null marks a missing value. Immutable. */
public final class TextColumn implements Column {
    private final String name;
    private final String[] values;

    private TextColumn(String name, String[] values) {
        this.name = Objects.requireNonNull(name, "name");
        this.values = values;
    }

    public static TextColumn of(String name, String[] values) {
        return new TextColumn(name, values.clone());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.TEXT;
    }

    @Override
    public int size() {
        return values.length;
    }

    public String get(int row) {
        return values[row];
    }

    @Override
    public boolean isMissing(int row) {
        return values[row] == null;
    }

    @Override
    public String format(int row) {
        return values[row];
    }

    @Override
    public TextColumn rename(String newName) {
        return new TextColumn(newName, values);
    }

    @Override
    public TextColumn take(int[] rows) {
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return new TextColumn(name, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextColumn other && name.equals(other.name) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "TextColumn[" + name + ", " + values.length + " rows]";
    }
}
