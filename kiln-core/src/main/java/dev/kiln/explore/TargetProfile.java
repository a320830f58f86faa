package dev.kiln.explore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the target column looks like to a learner: its class balance or its spread, and the task it suggests.
 * Immutable; serialises to JSON with Jackson as it is.
 *
 * <p>Class counts are given for categorical and boolean targets (in level order, levels with no rows included),
 * text targets with at most 1000 distinct labels (ordered by label), and numeric
 * targets whose values are all integers with at most 20 distinct values
 * (ascending). Numeric targets always get min, max, mean and std.
 *
 * @param name the column name
 * @param kind the {@link dev.kiln.data.ColumnKind} label of the column
 * @param suggestedTask {@code binary} or {@code multiclass} by the number of classes seen, {@code binary} for a
 *     numeric target with exactly two integer values, {@code regression} for other numeric targets; null when the
 *     column cannot be a target as it is (fewer than two classes, too many labels, timestamps)
 * @param missing number of rows without a target value
 * @param classCounts rows per class, or null when not a class-like target
 * @param min smallest value (numeric only)
 * @param max largest value (numeric only)
 * @param mean arithmetic mean (numeric only)
 * @param std sample standard deviation, ddof = 1 (numeric only)
 */
public record TargetProfile(String name, String kind, String suggestedTask, int missing,
                            Map<String, Integer> classCounts, Double min, Double max, Double mean, Double std) {
    public TargetProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        classCounts = classCounts == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(classCounts));
    }
}
