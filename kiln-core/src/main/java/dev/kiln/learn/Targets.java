package dev.kiln.learn;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.InvalidDataException;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a raw target column into what learners expect: for classification a categorical column
 * whose levels are the classes in a stable order (numeric order when every label is a number,
 * otherwise text order); for regression a numeric column. Rows with a missing target must be
 * removed first.
 */
public final class Targets {
    private Targets() {
    }

    /** The classes of {@code column} in their stable order. */
    public static List<String> classes(Column column) {
        Set<String> labels = new LinkedHashSet<>();
        for (int i = 0; i < column.size(); i++) {
            String label = column.format(i);
            if (label != null) {
                labels.add(label);
            }
        }
        List<String> sorted = new ArrayList<>(labels);
        boolean numeric = sorted.stream().allMatch(l -> !Double.isNaN(Values.parseNumber(l)));
        sorted.sort(numeric ? Comparator.comparingDouble(Values::parseNumber) : Comparator.naturalOrder());
        return sorted;
    }

    /** {@code column} as a categorical column over {@code classes}; a label outside them is an error naming it. */
    public static CategoricalColumn classification(Column column, List<String> classes) {
        int[] codes = new int[column.size()];
        for (int i = 0; i < codes.length; i++) {
            String label = column.format(i);
            codes[i] = label == null ? CategoricalColumn.MISSING : classes.indexOf(label);
            if (label != null && codes[i] < 0) {
                throw new InvalidDataException("target '" + column.name() + "', row " + (i + 1) + ": class '" + label
                        + "' was not seen in training (classes: " + String.join(", ", classes) + ")");
            }
        }
        return CategoricalColumn.of(column.name(), codes, classes);
    }

    /** {@code column} as numbers; a target that is not numeric is an error naming it. */
    public static NumericColumn regression(Column column) {
        if (column instanceof NumericColumn n) {
            return n;
        }
        throw new InvalidDataException("target '" + column.name() + "' is " + column.kind().label()
                + ", expected numeric for regression");
    }

    /** The rows of {@code frame} whose {@code target} is present: {@code frame} itself when none is missing (no copy). */
    public static Frame labelledRows(Frame frame, String target) {
        Column column = frame.column(target);
        return column.missingCount() == 0 ? frame : frame.take(presentRows(column));
    }

    /** The indexes of rows whose value in {@code column} is present. */
    public static int[] presentRows(Column column) {
        int[] rows = new int[column.size()];
        int n = 0;
        for (int i = 0; i < column.size(); i++) {
            if (!column.isMissing(i)) {
                rows[n++] = i;
            }
        }
        return Arrays.copyOf(rows, n);
    }
}
