package dev.kiln.prep;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drops duplicate training rows: rows equal in every column, or in the key columns only, keeping the
 * first or the last of each group. Training only (see {@link RowFilter}); the count is reported.
 */
public final class DropDuplicates implements RowFilter {
    /** Which row of a group of duplicates survives. */
    public enum Keep { FIRST, LAST }

    private final List<String> keys;
    private final Keep keep;

    /** @param keys the columns that identify a row; empty for all columns */
    public DropDuplicates(List<String> keys, Keep keep) {
        this.keys = List.copyOf(keys);
        this.keep = keep;
    }

    @Override
    public RowSelection select(Frame train) {
        List<Column> columns = keys.isEmpty() ? train.columns() : train.select(keys).columns();
        Map<List<String>, Integer> survivor = new HashMap<>();
        for (int row = 0; row < train.rowCount(); row++) {
            List<String> key = new ArrayList<>(columns.size());
            for (Column column : columns) {
                key.add(column.format(row));
            }
            if (keep == Keep.LAST || !survivor.containsKey(key)) {
                survivor.put(key, row);
            }
        }
        int[] kept = survivor.values().stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(kept);
        int dropped = train.rowCount() - kept.length;
        String by = keys.isEmpty() ? "all columns" : "key " + keys;
        return new RowSelection(kept, dropped, "dropped " + dropped + " duplicate training rows (by " + by + ", keep "
                + keep.name().toLowerCase(java.util.Locale.ROOT) + ")");
    }
}
