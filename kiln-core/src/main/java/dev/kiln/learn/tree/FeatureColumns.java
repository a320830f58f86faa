package dev.kiln.learn.tree;

import dev.kiln.data.Checks;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.List;

/**
 * The numeric feature columns of a training frame, handed out one at a time: a tree learner bins
 * each feature from its own short-lived copy instead of copying the whole frame into a matrix first,
 * so training holds the frame and the bins, not a third copy of the data. Missing values (NaN) are
 * allowed; infinite ones are refused with the column and row. Immutable; never modifies the frame.
 */
public final class FeatureColumns {
    private final List<String> names;
    private final NumericColumn[] columns;
    private final double[][] arrays;
    private final int rows;

    private FeatureColumns(List<String> names, NumericColumn[] columns, double[][] arrays, int rows) {
        this.names = List.copyOf(names);
        this.columns = columns;
        this.arrays = arrays;
        this.rows = rows;
    }

    /** The columns {@code names} of {@code frame}; each must be numeric. */
    public static FeatureColumns of(Frame frame, List<String> names) {
        NumericColumn[] columns = new NumericColumn[names.size()];
        for (int j = 0; j < columns.length; j++) {
            String name = names.get(j);
            Checks.checkArgument(frame.has(name), "missing feature column '%s'", name);
            Column column = frame.column(name);
            Checks.checkArgument(column instanceof NumericColumn, "feature column '%s' is %s, expected numeric", name,
                    column.kind().label());
            columns[j] = (NumericColumn) column;
        }
        return new FeatureColumns(names, columns, null, frame.rowCount());
    }

    /** Arrays already in memory, one per feature (not copied: callers must not modify them). */
    public static FeatureColumns of(double[][] arrays, List<String> names) {
        Checks.checkArgument(arrays.length == names.size(), "expected %s names, got %s", arrays.length, names.size());
        return new FeatureColumns(names, null, arrays, arrays.length == 0 ? 0 : arrays[0].length);
    }

    public int count() {
        return names.size();
    }

    public int rows() {
        return rows;
    }

    public List<String> names() {
        return names;
    }

    /**
     * Feature {@code j} as an array over all rows, checked for infinite values: a fresh copy for a
     * frame's column, the array itself otherwise. Callers must not modify it.
     */
    public double[] column(int j) {
        return checked(j, arrays != null ? arrays[j] : columns[j].toArray());
    }

    /**
     * Feature {@code j} as {@link #column} gives it, but a frame's column is copied into {@code buffer}
     * (of {@link #rows} values, reusable: a caller binning many features one after another then allocates
     * one array, not one per feature); returns the array holding the values, {@code buffer} or the given one.
     */
    public double[] column(int j, double[] buffer) {
        if (arrays != null) {
            return checked(j, arrays[j]);
        }
        Checks.checkArgument(buffer.length == rows, "buffer: expected %s values, got %s", rows, buffer.length);
        columns[j].copyTo(buffer, 0);
        return checked(j, buffer);
    }

    private double[] checked(int j, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (Double.isInfinite(values[i])) {
                throw new IllegalArgumentException(String.format(
                        "feature column '%s' has a missing or non-finite value (%s) at row %s; impute before training",
                        names.get(j), values[i], i));
            }
        }
        return values;
    }

    /** Rows {@code [from, to)} of feature {@code j}, a fresh copy (not checked: the training copy of {@link #column} was). */
    public double[] range(int j, int from, int to) {
        if (arrays != null) {
            return java.util.Arrays.copyOfRange(arrays[j], from, to);
        }
        double[] out = new double[to - from];
        NumericColumn column = columns[j];
        for (int i = from; i < to; i++) {
            out[i - from] = column.get(i);
        }
        return out;
    }
}
