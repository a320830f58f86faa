package dev.kiln.learn.neighbors;

import dev.kiln.data.Checks;
import dev.kiln.learn.ParamReader;
import dev.kiln.learn.SearchSpace;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyper-parameters of {@link KnnLearner}. {@code k} neighbours (all rows when there are fewer);
 * {@code weights} {@code uniform} or {@code distance} (weight {@code 1/d}; rows at distance 0 take all
 * the weight, as scikit-learn); {@code algorithm} {@code auto} (a k-d tree up to
 * {@link #KD_TREE_MAX_FEATURES} features, blocked brute force beyond), {@code kd_tree} or
 * {@code brute}; {@code standardize} scales features to zero mean and unit variance first;
 * {@code leafSize} bounds the rows of a k-d tree leaf. Immutable; validated on construction.
 */
public record KnnParams(int k, String weights, String algorithm, boolean standardize, int leafSize) {
    /** The spec keys, in order. */
    public static final List<String> KEYS = List.of("k", "weights", "algorithm", "standardize", "leaf_size");
    /** The most features for which {@code auto} picks the k-d tree. */
    public static final int KD_TREE_MAX_FEATURES = 15;

    public KnnParams {
        Checks.checkArgument(k >= 1, "k: expected an integer >= 1, got %s", k);
        Checks.checkArgument("uniform".equals(weights) || "distance".equals(weights),
                "weights: expected uniform or distance, got '%s'", weights);
        Checks.checkArgument(List.of("auto", "kd_tree", "brute").contains(algorithm),
                "algorithm: expected auto, kd_tree or brute, got '%s'", algorithm);
        Checks.checkArgument(leafSize >= 1, "leaf_size: expected an integer >= 1, got %s", leafSize);
    }

    /** 5 neighbours, uniform weights, automatic algorithm, standardised features, leaves of 30 rows. */
    public static KnnParams defaults() {
        return new KnnParams(5, "uniform", "auto", true, 30);
    }

    /** What a search may vary: the neighbour count, log-uniform, and the weighting. */
    public static SearchSpace space() {
        return SearchSpace.of(SearchSpace.logInts("k", 1, 100), SearchSpace.choice("weights", "uniform", "distance"));
    }

    /** Parses spec strings; absent keys take their defaults. */
    public static KnnParams fromMap(Map<String, String> values) {
        var r = new ParamReader("knn", values, KEYS);
        KnnParams d = defaults();
        String standardize = r.text("standardize", Boolean.toString(d.standardize));
        Checks.checkArgument(standardize.equals("true") || standardize.equals("false"),
                "standardize: expected true or false, got '%s'", standardize);
        return new KnnParams(r.integer("k", d.k, 1), r.text("weights", d.weights), r.text("algorithm", d.algorithm),
                Boolean.parseBoolean(standardize), r.integer("leaf_size", d.leafSize, 1));
    }

    /** The values by spec key. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("k", k);
        out.put("weights", weights);
        out.put("algorithm", algorithm);
        out.put("standardize", standardize);
        out.put("leaf_size", leafSize);
        return Collections.unmodifiableMap(out);
    }

    /** Whether a model on {@code features} features searches a k-d tree. */
    public boolean usesKdTree(int features) {
        return algorithm.equals("kd_tree") || algorithm.equals("auto") && features <= KD_TREE_MAX_FEATURES;
    }

    public KnnParams withK(int value) {
        return new KnnParams(value, weights, algorithm, standardize, leafSize);
    }

    public KnnParams withWeights(String value) {
        return new KnnParams(k, value, algorithm, standardize, leafSize);
    }

    public KnnParams withAlgorithm(String value) {
        return new KnnParams(k, weights, value, standardize, leafSize);
    }
}
