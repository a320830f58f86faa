package dev.kiln.learn;

import dev.kiln.data.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hyper-parameters a search may vary for one learner, each a spec key with its domain. A point of
 * the space is a map from spec keys to spec strings, exactly what a params record's {@code fromMap}
 * reads, so searches need to know nothing of the learner's types. Keys left out keep their defaults.
 * Immutable; validated on construction.
 */
public record SearchSpace(List<Dimension> dimensions) {

    /** One searched hyper-parameter. */
    public sealed interface Dimension permits IntRange, RealRange, Choice {
        /** The spec key, for instance {@code max_depth}. */
        String key();
    }

    /** Integers in {@code [min, max]}, sampled uniformly or, when {@code log}, uniformly in log space. */
    public record IntRange(String key, int min, int max, boolean log) implements Dimension {
        public IntRange {
            Checks.checkArgument(min <= max, "%s: min %s above max %s", key, min, max);
            Checks.checkArgument(!log || min >= 1, "%s: a log range needs min >= 1, got %s", key, min);
        }
    }

    /** Reals in {@code [min, max]}, sampled uniformly or, when {@code log}, uniformly in log space. */
    public record RealRange(String key, double min, double max, boolean log) implements Dimension {
        public RealRange {
            Checks.checkArgument(Double.isFinite(min) && Double.isFinite(max) && min <= max,
                    "%s: expected finite min <= max, got [%s, %s]", key, min, max);
            Checks.checkArgument(!log || min > 0, "%s: a log range needs min > 0, got %s", key, min);
        }
    }

    /** One of a few spec strings, unordered. */
    public record Choice(String key, List<String> values) implements Dimension {
        public Choice {
            values = List.copyOf(values);
            Checks.checkArgument(!values.isEmpty(), "%s: a choice needs at least one value", key);
        }
    }

    public SearchSpace {
        dimensions = List.copyOf(dimensions);
        Set<String> keys = new HashSet<>();
        for (Dimension dimension : dimensions) {
            Checks.checkArgument(keys.add(dimension.key()), "duplicate search dimension '%s'", dimension.key());
        }
    }

    public static SearchSpace of(Dimension... dimensions) {
        return new SearchSpace(List.of(dimensions));
    }

    /** Integers in {@code [min, max]}. */
    public static Dimension ints(String key, int min, int max) {
        return new IntRange(key, min, max, false);
    }

    /** Integers in {@code [min, max]}, log-uniform. */
    public static Dimension logInts(String key, int min, int max) {
        return new IntRange(key, min, max, true);
    }

    /** Reals in {@code [min, max]}. */
    public static Dimension reals(String key, double min, double max) {
        return new RealRange(key, min, max, false);
    }

    /** Reals in {@code [min, max]}, log-uniform. */
    public static Dimension logReals(String key, double min, double max) {
        return new RealRange(key, min, max, true);
    }

    /** One of {@code values}. */
    public static Dimension choice(String key, String... values) {
        return new Choice(key, List.of(values));
    }

    /** Whether every key of {@code point} is a dimension of this space. */
    public boolean covers(Map<String, String> point) {
        return dimensions.stream().map(Dimension::key).toList().containsAll(point.keySet());
    }
}
