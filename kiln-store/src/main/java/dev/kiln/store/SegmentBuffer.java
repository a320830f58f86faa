package dev.kiln.store;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TextColumn;
import dev.kiln.data.TimestampColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of an open prediction-log segment, in one growing primitive array per column, into which
 * {@link MonitorLog#append} copies each batch. A busy server's young collections would otherwise copy every batch
 * of the open segment (tens of megabytes) again and again until the segment rolls; a buffer's few large arrays
 * are promoted once (or allocated in the old generation outright) and are reused for the next segment of the same
 * model version ({@link #clear}), while each batch dies young. The columns are those of the first batch (as the
 * segment file's); a later batch's missing column is missing, its extra columns are dropped, and categorical labels
 * are merged in order of first appearance. Not thread-safe: {@link MonitorLog} guards it.
 */
final class SegmentBuffer {
    private final String[] names;
    private final ColumnKind[] kinds;
    private final double[][] numbers;
    private final int[][] codes;
    private final long[][] times;
    private final String[][] texts;
    private final List<List<String>> levels = new ArrayList<>();
    private final List<Map<String, Integer>> levelIndex = new ArrayList<>();
    private int rows;
    private int capacity;

    /** An empty buffer with the columns of {@code first}, room for {@code capacity} rows to begin with. */
    SegmentBuffer(Frame first, int capacity) {
        int width = first.columnCount();
        names = new String[width];
        kinds = new ColumnKind[width];
        numbers = new double[width][];
        codes = new int[width][];
        times = new long[width][];
        texts = new String[width][];
        this.capacity = Math.max(1, capacity);
        for (int j = 0; j < width; j++) {
            Column column = first.columns().get(j);
            names[j] = column.name();
            kinds[j] = column.kind();
            switch (kinds[j]) {
                case NUMERIC -> numbers[j] = new double[this.capacity];
                case CATEGORICAL, BOOLEAN -> codes[j] = new int[this.capacity];
                case TIMESTAMP -> times[j] = new long[this.capacity];
                case TEXT -> texts[j] = new String[this.capacity];
            }
            levels.add(new ArrayList<>());
            levelIndex.add(new HashMap<>());
        }
    }

    /** Whether this buffer's columns are those of {@code frame}, by name and kind, in order. */
    boolean fits(Frame frame) {
        if (frame.columnCount() != names.length) {
            return false;
        }
        for (int j = 0; j < names.length; j++) {
            Column column = frame.columns().get(j);
            if (!column.name().equals(names[j]) || column.kind() != kinds[j]) {
                return false;
            }
        }
        return true;
    }

    int rows() {
        return rows;
    }

    /** Empties the buffer for another segment, keeping its arrays. */
    void clear() {
        rows = 0;
        for (String[] column : texts) {
            if (column != null) {
                Arrays.fill(column, null);
            }
        }
        for (int j = 0; j < names.length; j++) {
            levels.get(j).clear();
            levelIndex.get(j).clear();
        }
    }

    /** Copies the rows of {@code batch} to the end. */
    void append(Frame batch) {
        int n = batch.rowCount();
        ensure(rows + n);
        for (int j = 0; j < names.length; j++) {
            Column column = batch.has(names[j]) ? batch.column(names[j]) : null;
            if (column != null && column.kind() != kinds[j]) {
                column = null;
            }
            switch (kinds[j]) {
                case NUMERIC -> {
                    if (column instanceof NumericColumn c) {
                        for (int i = 0; i < n; i++) {
                            numbers[j][rows + i] = c.get(i);
                        }
                    } else {
                        Arrays.fill(numbers[j], rows, rows + n, Double.NaN);
                    }
                }
                case CATEGORICAL, BOOLEAN -> {
                    if (column instanceof CategoricalColumn c) {
                        int[] remap = LogFrames.remap(c.levels(), levels.get(j), levelIndex.get(j));
                        for (int i = 0; i < n; i++) {
                            int code = c.code(i);
                            codes[j][rows + i] = code < 0 ? CategoricalColumn.MISSING : remap[code];
                        }
                    } else {
                        Arrays.fill(codes[j], rows, rows + n, CategoricalColumn.MISSING);
                    }
                }
                case TIMESTAMP -> {
                    if (column instanceof TimestampColumn c) {
                        for (int i = 0; i < n; i++) {
                            times[j][rows + i] = c.get(i);
                        }
                    } else {
                        Arrays.fill(times[j], rows, rows + n, TimestampColumn.MISSING);
                    }
                }
                case TEXT -> {
                    for (int i = 0; i < n; i++) {
                        texts[j][rows + i] = column == null ? null : column.format(i);
                    }
                }
            }
        }
        rows += n;
    }

    private void ensure(int needed) {
        if (needed <= capacity) {
            return;
        }
        capacity = Math.max(needed, 2 * capacity);
        for (int j = 0; j < names.length; j++) {
            if (numbers[j] != null) {
                numbers[j] = Arrays.copyOf(numbers[j], capacity);
            }
            if (codes[j] != null) {
                codes[j] = Arrays.copyOf(codes[j], capacity);
            }
            if (times[j] != null) {
                times[j] = Arrays.copyOf(times[j], capacity);
            }
            if (texts[j] != null) {
                texts[j] = Arrays.copyOf(texts[j], capacity);
            }
        }
    }

    /** The rows so far as a frame of their own (copied), in the order appended. */
    Frame frame() {
        return select(null, null);
    }

    /**
     * The rows so far as a frame of their own, sorted by the numeric column {@code key} (ties in order). Keys are
     * whole numbers, as a log's id numbers are.
     */
    Frame sortedBy(String key) {
        int k = Arrays.asList(names).indexOf(key);
        if (k < 0 || kinds[k] != ColumnKind.NUMERIC || ascending(numbers[k])) {
            return frame();
        }
        return select(null, LogFrames.order(Arrays.copyOf(numbers[k], rows)));
    }

    /** Columns {@code wanted} (those this buffer has, in its order) of every row, copied. */
    Frame columns(Collection<String> wanted) {
        return select(wanted, null);
    }

    /** Rows {@code picks} (in that order) of every column, copied. */
    Frame rows(int[] picks) {
        return select(null, picks);
    }

    /** For each of {@code values} that numeric column {@code column} holds, the last row holding it; one pass, no copy. */
    Map<Long, Integer> lastRows(String column, Set<Long> values) {
        Map<Long, Integer> out = new HashMap<>();
        int k = Arrays.asList(names).indexOf(column);
        if (k < 0 || kinds[k] != ColumnKind.NUMERIC || values.isEmpty()) {
            return out;
        }
        double[] held = numbers[k];
        for (int i = rows - 1; i >= 0 && out.size() < values.size(); i--) {
            double v = held[i];
            long whole = (long) v;
            if (whole == v && values.contains(whole)) {
                out.putIfAbsent(whole, i);
            }
        }
        return out;
    }

    /** Columns {@code wanted} (all when null) of rows {@code picks} (all, in order, when null), as a frame of copies. */
    private Frame select(Collection<String> wanted, int[] picks) {
        List<Column> columns = new ArrayList<>(names.length);
        for (int j = 0; j < names.length; j++) {
            if (wanted != null && !wanted.contains(names[j])) {
                continue;
            }
            boolean all = picks == null;
            columns.add(switch (kinds[j]) {
                case NUMERIC -> NumericColumn.wrap(names[j], all ? Arrays.copyOf(numbers[j], rows) : pick(numbers[j], picks));
                case CATEGORICAL -> CategoricalColumn.of(names[j], all ? Arrays.copyOf(codes[j], rows) : pick(codes[j], picks),
                        levels.get(j));
                case BOOLEAN -> CategoricalColumn.ofBooleans(names[j], all ? Arrays.copyOf(codes[j], rows) : pick(codes[j], picks));
                case TIMESTAMP -> TimestampColumn.of(names[j], all ? Arrays.copyOf(times[j], rows) : pick(times[j], picks));
                case TEXT -> TextColumn.of(names[j], all ? Arrays.copyOf(texts[j], rows) : pick(texts[j], picks));
            });
        }
        return Frame.of(columns);
    }

    private boolean ascending(double[] values) {
        for (int i = 1; i < rows; i++) {
            if (values[i - 1] > values[i]) {
                return false;
            }
        }
        return true;
    }

    private static double[] pick(double[] values, int[] order) {
        double[] out = new double[order.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[order[i]];
        }
        return out;
    }

    private static int[] pick(int[] values, int[] order) {
        int[] out = new int[order.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[order[i]];
        }
        return out;
    }

    private static long[] pick(long[] values, int[] order) {
        long[] out = new long[order.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[order[i]];
        }
        return out;
    }

    private static String[] pick(String[] values, int[] order) {
        String[] out = new String[order.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[order[i]];
        }
        return out;
    }
}
