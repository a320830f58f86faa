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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Row gathering across frames of one log schema: the window reader picks rows from several frames (segment files,
 * open segments) into one, column by column, merging categorical levels in order of first appearance (codes are
 * remapped, labels are not rebuilt); and the sort order of a segment's rows by id number. Stateless.
 */
final class LogFrames {
    private LogFrames() {
    }

    /** Row {@code rows[i]} of frame {@code sources[from[i]]}, for every i, as one frame with the first frame's columns. */
    static Frame gather(List<Frame> sources, int[] from, int[] rows) {
        Frame first = sources.get(0);
        List<Column> columns = new ArrayList<>(first.columnCount());
        for (Column model : first.columns()) {
            List<Column> parts = new ArrayList<>(sources.size());
            for (Frame source : sources) {
                parts.add(source.has(model.name()) ? source.column(model.name()) : null);
            }
            columns.add(gather(model, parts, from, rows));
        }
        return Frame.of(columns);
    }

    /**
     * The positions of {@code keys} in ascending order, ties in position order: sorted as packed longs (key minus the
     * smallest key, then position) when the keys are whole numbers spanning less than 2^31, which a log's always do,
     * otherwise by a comparison sort.
     */
    static int[] order(double[] keys) {
        int n = keys.length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean whole = true;
        for (double v : keys) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            whole &= v == Math.rint(v);
        }
        int[] order = new int[n];
        if (whole && max - min < Integer.MAX_VALUE) {
            long[] packed = new long[n];
            for (int i = 0; i < n; i++) {
                packed[i] = (long) (keys[i] - min) << 32 | i;
            }
            Arrays.sort(packed);
            for (int i = 0; i < n; i++) {
                order[i] = (int) packed[i];
            }
            return order;
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, Comparator.comparingDouble(i -> keys[i]));
        for (int i = 0; i < n; i++) {
            order[i] = boxed[i];
        }
        return order;
    }

    private static Column gather(Column model, List<Column> parts, int[] from, int[] rows) {
        String name = model.name();
        int n = rows.length;
        switch (model.kind()) {
            case NUMERIC -> {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    Column c = parts.get(from[i]);
                    out[i] = c instanceof NumericColumn num ? num.get(rows[i]) : Double.NaN;
                }
                return NumericColumn.wrap(name, out);
            }
            case TIMESTAMP -> {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    Column c = parts.get(from[i]);
                    out[i] = c instanceof TimestampColumn t ? t.get(rows[i]) : TimestampColumn.MISSING;
                }
                return TimestampColumn.of(name, out);
            }
            case TEXT -> {
                String[] out = new String[n];
                for (int i = 0; i < n; i++) {
                    Column c = parts.get(from[i]);
                    out[i] = c == null ? null : c.format(rows[i]);
                }
                return TextColumn.of(name, out);
            }
            case BOOLEAN -> {
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    Column c = parts.get(from[i]);
                    out[i] = c instanceof CategoricalColumn b ? b.code(rows[i]) : CategoricalColumn.MISSING;
                }
                return CategoricalColumn.ofBooleans(name, out);
            }
            default -> {
                return categorical(name, parts, from, rows);
            }
        }
    }

    /**
     * The codes in {@code merged} of {@code partLevels}, appending the labels {@code merged} does not have yet
     * ({@code index}: the code of each label of {@code merged}, kept up to date).
     */
    static int[] remap(List<String> partLevels, List<String> merged, Map<String, Integer> index) {
        int[] remap = new int[partLevels.size()];
        for (int k = 0; k < remap.length; k++) {
            String level = partLevels.get(k);
            Integer code = index.get(level);
            if (code == null) {
                code = merged.size();
                index.put(level, code);
                merged.add(level);
            }
            remap[k] = code;
        }
        return remap;
    }

    private static Column categorical(String name, List<Column> parts, int[] from, int[] rows) {
        Map<String, Integer> index = new HashMap<>();
        List<String> levels = new ArrayList<>();
        int[][] remap = new int[parts.size()][];
        for (int s = 0; s < parts.size(); s++) {
            if (parts.get(s) instanceof CategoricalColumn c) {
                remap[s] = remap(c.levels(), levels, index);
            }
        }
        int[] codes = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            Column c = parts.get(from[i]);
            if (c instanceof CategoricalColumn cat) {
                int code = cat.code(rows[i]);
                codes[i] = code < 0 ? CategoricalColumn.MISSING : remap[from[i]][code];
            } else {
                codes[i] = CategoricalColumn.MISSING;
            }
        }
        return CategoricalColumn.of(name, codes, levels);
    }
}
