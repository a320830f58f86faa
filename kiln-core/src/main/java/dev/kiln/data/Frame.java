package dev.kiln.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable, column-oriented table: named columns of equal length. Operations return new frames
 * that share unchanged columns. Thread-safe.
 */
public final class Frame {
    private final List<Column> columns;
    private final Map<String, Column> byName;
    private final int rows;

    private Frame(List<Column> columns, int rows) {
        this.columns = List.copyOf(columns);
        this.byName = new LinkedHashMap<>();
        for (Column column : this.columns) {
            if (column.size() != rows) {
                throw new IllegalArgumentException("column '" + column.name() + "' has " + column.size() + " rows, expected " + rows);
            }
            if (byName.put(column.name(), column) != null) {
                throw new IllegalArgumentException("duplicate column name: '" + column.name() + "'");
            }
        }
        this.rows = rows;
    }

    /** A frame of these columns, which must all have the same length. */
    public static Frame of(List<? extends Column> columns) {
        int rows = columns.isEmpty() ? 0 : columns.get(0).size();
        return new Frame(new ArrayList<>(columns), rows);
    }

    public static Frame of(Column... columns) {
        return of(List.of(columns));
    }

    public int rowCount() {
        return rows;
    }

    public int columnCount() {
        return columns.size();
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }

    /** The column named {@code name}; {@link IllegalArgumentException} naming it when there is none. */
    public Column column(String name) {
        Column column = byName.get(name);
        if (column == null) { // the message lists the columns: built only when it is needed
            throw new IllegalArgumentException("no column named '" + name + "' (columns: " + names() + ")");
        }
        return column;
    }

    /** The numeric column named {@code name}; {@link IllegalArgumentException} when absent or of another kind. */
    public NumericColumn numeric(String name) {
        Column column = column(name);
        Checks.checkArgument(column instanceof NumericColumn, "column '%s' is %s, expected numeric", name, column.kind().label());
        return (NumericColumn) column;
    }

    /** The categorical or boolean column named {@code name}. */
    public CategoricalColumn categorical(String name) {
        Column column = column(name);
        Checks.checkArgument(column instanceof CategoricalColumn, "column '%s' is %s, expected categorical", name, column.kind().label());
        return (CategoricalColumn) column;
    }

    /** The schema of this frame, every column a feature. */
    public Schema schema() {
        return Schema.of(this);
    }

    /** The named columns, in the order given. */
    public Frame select(Collection<String> names) {
        List<Column> out = new ArrayList<>();
        for (String name : names) {
            out.add(column(name));
        }
        return new Frame(out, rows);
    }

    /** All columns but the named ones; names that are absent are ignored. */
    public Frame drop(Collection<String> names) {
        Set<String> dropped = Set.copyOf(names);
        List<Column> out = new ArrayList<>();
        for (Column column : columns) {
            if (!dropped.contains(column.name())) {
                out.add(column);
            }
        }
        return new Frame(out, rows);
    }

    /** This frame with {@code column} added at the end, or replacing the column of the same name in place. */
    public Frame with(Column column) {
        List<Column> out = new ArrayList<>(columns);
        boolean replaced = false;
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).name().equals(column.name())) {
                out.set(i, column);
                replaced = true;
            }
        }
        if (!replaced) {
            out.add(column);
        }
        return new Frame(out, columns.isEmpty() ? column.size() : rows);
    }

    /** The rows at {@code rowIndexes}, in that order. */
    public Frame take(int[] rowIndexes) {
        List<Column> out = new ArrayList<>();
        for (Column column : columns) {
            out.add(column.take(rowIndexes));
        }
        return new Frame(out, rowIndexes.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame other && columns.equals(other.columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return "Frame[" + rows + " rows x " + columns.size() + " columns: " + names() + "]";
    }
}
