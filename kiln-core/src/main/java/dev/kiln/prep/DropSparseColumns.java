package dev.kiln.prep;

import dev.kiln.data.Checks;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Drops the columns whose missing fraction in the training rows exceeds a threshold. The fitted step
 * is a {@link DropColumns} that names each column with its missing fraction.
 */
public final class DropSparseColumns implements Transformer {
    private final double maxMissingFraction;

    /** @param maxMissingFraction in [0, 1]: a column missing in more than this fraction of rows is dropped */
    public DropSparseColumns(double maxMissingFraction) {
        Checks.checkArgument(maxMissingFraction >= 0 && maxMissingFraction <= 1,
                "maxMissingFraction must be in [0, 1]: %s", maxMissingFraction);
        this.maxMissingFraction = maxMissingFraction;
    }

    @Override
    public DropColumns fit(Frame train) {
        List<DropColumns.Dropped> dropped = new ArrayList<>();
        for (Column column : train.columns()) {
            double fraction = train.rowCount() == 0 ? 0 : (double) column.missingCount() / train.rowCount();
            if (fraction > maxMissingFraction) {
                dropped.add(new DropColumns.Dropped(column.name(), String.format(Locale.ROOT,
                        "missing in %.1f%% of training rows (threshold %.1f%%)", 100 * fraction, 100 * maxMissingFraction)));
            }
        }
        return new DropColumns(dropped);
    }
}
