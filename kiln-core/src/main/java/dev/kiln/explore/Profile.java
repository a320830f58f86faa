package dev.kiln.explore;

import java.util.List;

/**
 * The profile of a frame: its size, one {@link ColumnProfile} per column in frame order, and the
 * {@link TargetProfile} of the target column (null when no target was named). Immutable; serialises to JSON
 * with Jackson as it is.
 */
public record Profile(int rows, int columns, List<ColumnProfile> columnProfiles, TargetProfile target) {
    public Profile {
        columnProfiles = List.copyOf(columnProfiles);
    }
}
