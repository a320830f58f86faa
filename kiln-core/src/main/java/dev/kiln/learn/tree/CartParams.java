package dev.kiln.learn.tree;

import dev.kiln.data.Checks;
import dev.kiln.learn.ParamReader;
import dev.kiln.learn.SearchSpace;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyper-parameters of {@link CartLearner}: {@code maxDepth}, the deepest level a node may sit at (the
 * root is at depth 0, so 1 gives a stump); {@code minSamplesSplit}, the fewest rows a node needs to be
 * split; {@code minSamplesLeaf}, the fewest rows each child of a split must keep. The split criterion
 * follows the task (Gini for classification, squared error for regression) and is not a parameter.
 * Immutable; validated on construction.
 */
public record CartParams(int maxDepth, int minSamplesSplit, int minSamplesLeaf) {
    /** The spec keys, in order. */
    public static final List<String> KEYS = List.of("max_depth", "min_samples_split", "min_samples_leaf");

    public CartParams {
        Checks.checkArgument(maxDepth >= 1, "max_depth: expected an integer >= 1, got %s", maxDepth);
        Checks.checkArgument(minSamplesSplit >= 2, "min_samples_split: expected an integer >= 2, got %s", minSamplesSplit);
        Checks.checkArgument(minSamplesLeaf >= 1, "min_samples_leaf: expected an integer >= 1, got %s", minSamplesLeaf);
    }

    /** Depth 10, split from 2 rows, at least 5 rows per leaf. */
    public static CartParams defaults() {
        return new CartParams(10, 2, 5);
    }

    /** What a search may vary: depth and leaf size. */
    public static SearchSpace space() {
        return SearchSpace.of(SearchSpace.ints("max_depth", 2, 20), SearchSpace.logInts("min_samples_leaf", 1, 100));
    }

    /** Parses spec strings; absent keys take their defaults. */
    public static CartParams fromMap(Map<String, String> values) {
        var reader = new ParamReader("tree", values, KEYS);
        CartParams d = defaults();
        return new CartParams(reader.integer("max_depth", d.maxDepth, 1),
                reader.integer("min_samples_split", d.minSamplesSplit, 2),
                reader.integer("min_samples_leaf", d.minSamplesLeaf, 1));
    }

    /** The values by spec key. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("max_depth", maxDepth);
        out.put("min_samples_split", minSamplesSplit);
        out.put("min_samples_leaf", minSamplesLeaf);
        return Collections.unmodifiableMap(out);
    }

    public CartParams withMaxDepth(int value) {
        return new CartParams(value, minSamplesSplit, minSamplesLeaf);
    }

    public CartParams withMinSamplesSplit(int value) {
        return new CartParams(maxDepth, value, minSamplesLeaf);
    }

    public CartParams withMinSamplesLeaf(int value) {
        return new CartParams(maxDepth, minSamplesSplit, value);
    }
}
