package dev.kiln.learn.cluster;

import dev.kiln.data.Checks;
import dev.kiln.learn.ParamReader;
import dev.kiln.learn.SearchSpace;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyper-parameters of {@link DbscanLearner}: the neighbourhood radius {@code eps} (Euclidean) and
 * {@code minSamples}, the number of rows within {@code eps} of a row, itself included, that make it a
 * core row; as scikit-learn's {@code DBSCAN(eps=0.5, min_samples=5)}. Immutable; validated on construction.
 */
public record DbscanParams(double eps, int minSamples) {
    /** The spec keys, in order. */
    public static final List<String> KEYS = List.of("eps", "min_samples");

    public DbscanParams {
        Checks.checkArgument(ParamReader.inRange(eps, 0, true), "eps: expected a number > 0, got %s", eps);
        Checks.checkArgument(minSamples >= 1, "min_samples: expected an integer >= 1, got %s", minSamples);
    }

    public static DbscanParams defaults() {
        return new DbscanParams(0.5, 5);
    }

    /** What a search may vary: the radius, log-uniform, and the core size. */
    public static SearchSpace space() {
        return SearchSpace.of(SearchSpace.logReals("eps", 0.05, 5), SearchSpace.ints("min_samples", 2, 20));
    }

    /** Parses spec strings; absent keys take their defaults. */
    public static DbscanParams fromMap(Map<String, String> values) {
        var reader = new ParamReader("dbscan", values, KEYS);
        DbscanParams d = defaults();
        return new DbscanParams(reader.number("eps", d.eps, 0, true), reader.integer("min_samples", d.minSamples, 1));
    }

    /** The values by spec key. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("eps", eps);
        out.put("min_samples", minSamples);
        return Collections.unmodifiableMap(out);
    }

    public DbscanParams withEps(double value) {
        return new DbscanParams(value, minSamples);
    }

    public DbscanParams withMinSamples(int value) {
        return new DbscanParams(eps, value);
    }
}
