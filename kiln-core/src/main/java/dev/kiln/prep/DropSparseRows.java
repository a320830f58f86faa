package dev.kiln.prep;

import dev.kiln.data.Checks;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import java.util.Arrays;
import java.util.Locale;

/** Drops training rows whose missing fraction across columns exceeds a threshold; training only (see {@link RowFilter}). */
public final class DropSparseRows implements RowFilter {
    private final double maxMissingFraction;

    /** @param maxMissingFraction in [0, 1]: a row missing more than this fraction of its values is dropped */
    public DropSparseRows(double maxMissingFraction) {
        Checks.checkArgument(maxMissingFraction >= 0 && maxMissingFraction <= 1,
                "maxMissingFraction must be in [0, 1]: %s", maxMissingFraction);
        this.maxMissingFraction = maxMissingFraction;
    }

    @Override
    public RowSelection select(Frame train) {
        int[] kept = new int[train.rowCount()];
        int n = 0;
        for (int row = 0; row < train.rowCount(); row++) {
            int missing = 0;
            for (Column column : train.columns()) {
                if (column.isMissing(row)) {
                    missing++;
                }
            }
            if (train.columnCount() == 0 || (double) missing / train.columnCount() <= maxMissingFraction) {
                kept[n++] = row;
            }
        }
        int dropped = train.rowCount() - n;
        return new RowSelection(Arrays.copyOf(kept, n), dropped, String.format(Locale.ROOT,
                "dropped %d training rows missing more than %.0f%% of their values", dropped, 100 * maxMissingFraction));
    }
}
