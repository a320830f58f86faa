package dev.kiln.learn.cluster;

import dev.kiln.data.Checks;
import dev.kiln.learn.ParamReader;
import dev.kiln.learn.SearchSpace;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyper-parameters of {@link KMeansLearner}. {@code k} clusters, or 0 for {@code auto}: every k in
 * {@code [kMin, kMax]} is fitted and the one with the highest mean silhouette on a seeded sample of at
 * most {@code silhouetteSample} training rows is kept. {@code nInit} seeded k-means++ starts, the one
 * with the lowest inertia kept; at most {@code maxIter} iterations; {@code tolerance} is relative, as
 * scikit-learn's {@code tol}: iterations stop when the summed squared centre shift is at most
 * {@code tolerance} times the mean per-feature variance. Immutable; validated on construction.
 */
public record KMeansParams(int k, int kMin, int kMax, int nInit, int maxIter, double tolerance, int silhouetteSample) {
    /** The spec keys, in order. */
    public static final List<String> KEYS = List.of("k", "k_min", "k_max", "n_init", "max_iter", "tolerance", "silhouette_sample");

    public KMeansParams {
        Checks.checkArgument(k >= 0, "k: expected auto or an integer >= 1, got %s", k);
        Checks.checkArgument(kMin >= 2, "k_min: expected an integer >= 2, got %s", kMin);
        Checks.checkArgument(kMax >= kMin, "k_max: expected an integer >= k_min (%s), got %s", kMin, kMax);
        Checks.checkArgument(nInit >= 1, "n_init: expected an integer >= 1, got %s", nInit);
        Checks.checkArgument(maxIter >= 1, "max_iter: expected an integer >= 1, got %s", maxIter);
        Checks.checkArgument(ParamReader.inRange(tolerance, 0, false), "tolerance: expected a number >= 0, got %s", tolerance);
        Checks.checkArgument(silhouetteSample >= 10, "silhouette_sample: expected an integer >= 10, got %s", silhouetteSample);
    }

    public static KMeansParams defaults() {
        return new KMeansParams(8, 2, 10, 3, 300, 1e-4, 2000);
    }

    /** Whether k is chosen by silhouette. */
    public boolean autoK() {
        return k == 0;
    }

    /** What a search may vary: the number of clusters. */
    public static SearchSpace space() {
        return SearchSpace.of(SearchSpace.ints("k", 2, 20));
    }

    /** Parses spec strings; absent keys take their defaults; {@code k: auto} chooses k. */
    public static KMeansParams fromMap(Map<String, String> values) {
        var reader = new ParamReader("kmeans", values, KEYS);
        KMeansParams d = defaults();
        int k = reader.text("k", "").equals("auto") ? 0 : reader.integer("k", d.k, 1);
        int kMin = reader.integer("k_min", d.kMin, 2);
        return new KMeansParams(k, kMin, reader.integer("k_max", Math.max(d.kMax, kMin), 2), reader.integer("n_init", d.nInit, 1),
                reader.integer("max_iter", d.maxIter, 1), reader.number("tolerance", d.tolerance, 0, false),
                reader.integer("silhouette_sample", d.silhouetteSample, 10));
    }

    /** The values by spec key; k {@code auto} or the count. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("k", autoK() ? "auto" : Integer.valueOf(k));
        out.put("k_min", kMin);
        out.put("k_max", kMax);
        out.put("n_init", nInit);
        out.put("max_iter", maxIter);
        out.put("tolerance", tolerance);
        out.put("silhouette_sample", silhouetteSample);
        return Collections.unmodifiableMap(out);
    }

    public KMeansParams withK(int value) {
        return new KMeansParams(value, kMin, kMax, nInit, maxIter, tolerance, silhouetteSample);
    }

    public KMeansParams withNInit(int value) {
        return new KMeansParams(k, kMin, kMax, value, maxIter, tolerance, silhouetteSample);
    }

    public KMeansParams withMaxIter(int value) {
        return new KMeansParams(k, kMin, kMax, nInit, value, tolerance, silhouetteSample);
    }
}
