package dev.kiln.monitor;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * What changed from one dataset version to another: columns added, removed or of another kind, row counts, and
 * for every column both share with the same kind the shift of its distribution — the PSI of the new values over
 * the old version's bins ({@link FeatureReference}: deciles for numbers, levels for labels), the missing
 * fractions and, for numbers, the means. Text and timestamp columns get no PSI (null). Immutable.
 */
public record DatasetDiff(int rowsBefore, int rowsAfter, List<String> added, List<String> removed,
                          List<String> kindChanged, List<ColumnShift> columns) {
    public DatasetDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        kindChanged = List.copyOf(kindChanged);
        columns = List.copyOf(columns);
    }

    /**
     * The shift of one column.
     *
     * @param psi PSI of after against before, or null for text and timestamp columns
     * @param meanBefore mean before (numeric only, else null)
     */
    public record ColumnShift(String name, String kind, Double psi, double missingBefore, double missingAfter,
                              Double meanBefore, Double meanAfter) {
    }

    /** The differences from {@code before} to {@code after}. Deterministic; reads each column once or twice. */
    public static DatasetDiff between(Frame before, Frame after) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> kindChanged = new ArrayList<>();
        List<ColumnShift> shifts = new ArrayList<>();
        for (Column old : before.columns()) {
            if (!after.has(old.name())) {
                removed.add(old.name());
                continue;
            }
            Column now = after.column(old.name());
            if (now.kind() != old.kind()) {
                kindChanged.add(old.name() + ": " + old.kind().label() + " -> " + now.kind().label());
                continue;
            }
            shifts.add(shift(old, now));
        }
        for (Column now : after.columns()) {
            if (!before.has(now.name())) {
                added.add(now.name());
            }
        }
        return new DatasetDiff(before.rowCount(), after.rowCount(), added, removed, kindChanged, shifts);
    }

    private static ColumnShift shift(Column before, Column after) {
        FeatureReference reference = FeatureReference.fit(before);
        Double psi = reference == null ? null : reference.psi(after);
        boolean numeric = before.kind() == ColumnKind.NUMERIC;
        return new ColumnShift(before.name(), before.kind().label(), psi, missingFraction(before), missingFraction(after),
                numeric ? mean((NumericColumn) before) : null, numeric ? mean((NumericColumn) after) : null);
    }

    private static double missingFraction(Column column) {
        return column.size() == 0 ? 0 : (double) column.missingCount() / column.size();
    }

    private static Double mean(NumericColumn column) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < column.size(); i++) {
            double v = column.get(i);
            if (!Double.isNaN(v)) {
                sum += v;
                count++;
            }
        }
        return count == 0 ? null : sum / count;
    }
}
