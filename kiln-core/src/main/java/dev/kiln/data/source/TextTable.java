package dev.kiln.data.source;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.ColumnParser;
import dev.kiln.data.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows of text values under named columns, growing as rows arrive, then typed into a {@link Frame} the way the
 * CSV reader types its columns: a forced kind, else the inferred one. Columns may appear after the first row
 * (JSON records with new keys): earlier rows read as missing there. Missing tokens become null. Not thread-safe.
 */
final class TextTable {
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<String[]> columns = new ArrayList<>();
    private final Set<String> missing;
    private int rows;
    private int capacity = 256;

    TextTable(Set<String> missing) {
        this.missing = missing;
    }

    int rows() {
        return rows;
    }

    /** Starts a new row, every column missing until {@link #set} fills it. */
    void newRow() {
        if (rows == capacity) {
            capacity *= 2;
            for (int j = 0; j < columns.size(); j++) {
                columns.set(j, Arrays.copyOf(columns.get(j), capacity));
            }
        }
        rows++;
    }

    /** Sets the current row's value of {@code column}; a missing token or null reads as missing. */
    void set(String column, String value) {
        Integer j = index.get(column);
        if (j == null) {
            j = columns.size();
            index.put(column, j);
            columns.add(new String[capacity]);
        }
        columns.get(j)[rows - 1] = value == null || missing.contains(value) ? null : value;
    }

    /** The typed frame; {@code source} names the source in errors, as {@code source: row N}. */
    Frame toFrame(Map<String, ColumnKind> kinds, String source) {
        List<Column> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            String[] values = Arrays.copyOf(columns.get(e.getValue()), rows);
            ColumnKind kind = kinds.get(e.getKey());
            out.add(ColumnParser.parse(e.getKey(), values, kind != null ? kind : ColumnParser.infer(values),
                    i -> source + ": row " + (i + 1)));
        }
        return Frame.of(out);
    }
}
