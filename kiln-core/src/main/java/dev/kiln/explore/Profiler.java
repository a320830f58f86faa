package dev.kiln.explore;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * Profiles a frame: counts, missing values, distinct values, moments, quantiles and top labels of every column,
 * and the class balance or spread of an optional target.
 *
 * <p>Deterministic; never mutates the frame. Each column is read once into a primitive array and sorted, so a
 * profile costs O(rows log rows) per numeric or timestamp column and O(rows) per label column. Thread-safe.
 */
public final class Profiler {
    private Profiler() {
    }

    /**
     * The profile of {@code frame}.
     *
     * @param target the name of the target column, or null for none
     * @throws IllegalArgumentException when {@code target} names no column of the frame
     */
    public static Profile profile(Frame frame, String target) {
        TargetProfile targetProfile = target == null ? null : TargetProfiler.profile(frame.column(target));
        List<ColumnProfile> columns = new ArrayList<>(frame.columnCount());
        for (Column column : frame.columns()) {
            columns.add(ColumnProfiler.profile(column));
        }
        return new Profile(frame.rowCount(), frame.columnCount(), columns, targetProfile);
    }
}
