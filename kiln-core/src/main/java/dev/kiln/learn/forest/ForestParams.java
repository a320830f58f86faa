package dev.kiln.learn.forest;

import dev.kiln.data.Checks;
import dev.kiln.learn.ParamReader;
import dev.kiln.learn.SearchSpace;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyper-parameters of {@link ForestLearner}. {@code kind} is {@code random_forest} (best threshold
 * per candidate feature) or {@code extra_trees} (one random threshold per candidate feature, Geurts
 * et al. 2006). {@code trees} trees, each grown to {@code maxDepth} (0 = unlimited) with at least
 * {@code minSamplesLeaf} rows (bootstrap copies counted) per leaf, on {@code maxBins} value bins per
 * feature. {@code maxFeatures} candidate features per node: {@code auto} (the square root of the
 * feature count for classification, all for regression), {@code sqrt}, {@code log2} or a fraction in
 * (0, 1]. {@code bootstrap} draws each tree's rows with replacement, which also gives the out-of-bag
 * score. Immutable; validated on construction.
 */
public record ForestParams(String kind, int trees, int maxDepth, int minSamplesLeaf, String maxFeatures, int maxBins,
        boolean bootstrap) {
    /** The spec keys, in order. */
    public static final List<String> KEYS = List.of("trees", "max_depth", "min_samples_leaf", "max_features", "max_bins", "bootstrap");
    public static final String RANDOM_FOREST = "random_forest";
    public static final String EXTRA_TREES = "extra_trees";

    public ForestParams {
        Checks.checkArgument(RANDOM_FOREST.equals(kind) || EXTRA_TREES.equals(kind),
                "kind: expected random_forest or extra_trees, got '%s'", kind);
        Checks.checkArgument(trees >= 1, "trees: expected an integer >= 1, got %s", trees);
        Checks.checkArgument(maxDepth >= 0, "max_depth: expected an integer >= 0 (0 = unlimited), got %s", maxDepth);
        Checks.checkArgument(minSamplesLeaf >= 1, "min_samples_leaf: expected an integer >= 1, got %s", minSamplesLeaf);
        Checks.checkArgument(maxBins >= 2 && maxBins <= 255, "max_bins: expected an integer in [2, 255], got %s", maxBins);
        checkMaxFeatures(maxFeatures);
    }

    private static void checkMaxFeatures(String value) {
        if (value != null && (value.equals("auto") || value.equals("sqrt") || value.equals("log2"))) {
            return;
        }
        double fraction;
        try {
            fraction = value == null ? Double.NaN : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            fraction = Double.NaN;
        }
        Checks.checkArgument(fraction > 0 && fraction <= 1,
                "max_features: expected auto, sqrt, log2 or a number in (0, 1], got '%s'", value);
    }

    /** 100 trees grown fully, 1 row per leaf, {@code auto} features, 255 bins; bootstrap for random forests only. */
    public static ForestParams defaults(String kind) {
        return new ForestParams(kind, 100, 0, 1, "auto", 255, RANDOM_FOREST.equals(kind));
    }

    /** What a search may vary: candidate features per node, depth and leaf size. */
    public static SearchSpace space() {
        return SearchSpace.of(SearchSpace.choice("max_features", "sqrt", "log2", "0.5", "1"),
                SearchSpace.ints("max_depth", 0, 30), SearchSpace.logInts("min_samples_leaf", 1, 20));
    }

    /** Parses spec strings for {@code kind}; absent keys take their defaults. */
    public static ForestParams fromMap(String kind, Map<String, String> values) {
        var r = new ParamReader(kind, values, KEYS);
        ForestParams d = defaults(kind);
        String bootstrap = r.text("bootstrap", Boolean.toString(d.bootstrap));
        Checks.checkArgument(bootstrap.equals("true") || bootstrap.equals("false"),
                "bootstrap: expected true or false, got '%s'", bootstrap);
        return new ForestParams(kind, r.integer("trees", d.trees, 1), r.integer("max_depth", d.maxDepth, 0),
                r.integer("min_samples_leaf", d.minSamplesLeaf, 1), r.text("max_features", d.maxFeatures),
                r.integer("max_bins", d.maxBins, 2), Boolean.parseBoolean(bootstrap));
    }

    /** The values by spec key. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("trees", trees);
        out.put("max_depth", maxDepth);
        out.put("min_samples_leaf", minSamplesLeaf);
        out.put("max_features", maxFeatures);
        out.put("max_bins", maxBins);
        out.put("bootstrap", Boolean.toString(bootstrap));
        return Collections.unmodifiableMap(out);
    }

    /** The number of candidate features per node among {@code p}, for a classifier or not. */
    public int featuresPerNode(int p, boolean classification) {
        double m = switch (maxFeatures) {
            case "auto" -> classification ? Math.sqrt(p) : p;
            case "sqrt" -> Math.sqrt(p);
            case "log2" -> Math.log(p) / Math.log(2);
            default -> Double.parseDouble(maxFeatures) * p;
        };
        return Math.max(1, Math.min(p, (int) Math.round(m)));
    }

    public ForestParams withTrees(int value) {
        return new ForestParams(kind, value, maxDepth, minSamplesLeaf, maxFeatures, maxBins, bootstrap);
    }

    public ForestParams withMaxFeatures(String value) {
        return new ForestParams(kind, trees, maxDepth, minSamplesLeaf, value, maxBins, bootstrap);
    }

    public ForestParams withMaxDepth(int value) {
        return new ForestParams(kind, trees, value, minSamplesLeaf, maxFeatures, maxBins, bootstrap);
    }
}
