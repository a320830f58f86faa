package dev.kiln.learn;

import dev.kiln.data.Checks;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.List;

/**
 * The numeric features of a frame as column arrays, in a fixed order: what learners train on and
 * models read. Checks that every feature is present and numeric, naming the column when not.
 */
public final class FeatureMatrix {
    private final List<String> names;
    private final double[][] columns;
    private final int rows;

    private FeatureMatrix(List<String> names, double[][] columns, int rows) {
        this.names = names;
        this.columns = columns;
        this.rows = rows;
    }

    /** The columns named {@code features} of {@code frame}, each copied into its own array. */
    public static FeatureMatrix of(Frame frame, List<String> features) {
        NumericColumn[] numeric = numericColumns(frame, features);
        double[][] columns = new double[numeric.length][];
        for (int j = 0; j < numeric.length; j++) {
            columns[j] = numeric[j].toArray();
        }
        return new FeatureMatrix(List.copyOf(features), columns, frame.rowCount());
    }

    /**
     * The columns named {@code features} of {@code frame} themselves, checked as {@link #of} checks them but not
     * copied: for readers that only read values, such as batch prediction, so a large frame is not copied whole.
     */
    public static NumericColumn[] numericColumns(Frame frame, List<String> features) {
        NumericColumn[] columns = new NumericColumn[features.size()];
        for (int j = 0; j < features.size(); j++) {
            String name = features.get(j);
            Checks.checkArgument(frame.has(name), "missing feature column '%s'", name);
            Column column = frame.column(name);
            Checks.checkArgument(column instanceof NumericColumn,
                    "feature column '%s' is %s, expected numeric", name, column.kind().label());
            columns[j] = (NumericColumn) column;
        }
        return columns;
    }

    /** Every column of {@code frame} except {@code target}, in frame order. */
    public static List<String> featureNames(Frame frame, String target) {
        return frame.names().stream().filter(n -> !n.equals(target)).toList();
    }

    public List<String> names() {
        return names;
    }

    public int rows() {
        return rows;
    }

    public int columnCount() {
        return columns.length;
    }

    /** Column {@code j}; callers must not modify it. */
    public double[] column(int j) {
        return columns[j];
    }

    public double get(int row, int j) {
        return columns[j][row];
    }

    /** Copies row {@code row} into {@code out}. */
    public void row(int row, double[] out) {
        for (int j = 0; j < columns.length; j++) {
            out[j] = columns[j][row];
        }
    }
}
