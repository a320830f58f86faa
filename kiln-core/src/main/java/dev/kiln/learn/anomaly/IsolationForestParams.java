package dev.kiln.learn.anomaly;

import dev.kiln.data.Checks;
import dev.kiln.learn.ParamReader;
import dev.kiln.learn.SearchSpace;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyper-parameters of {@link IsolationForestLearner}: {@code trees} isolation trees, each on
 * {@code maxSamples} rows drawn without replacement (256 in the paper), and {@code contamination}, the
 * expected fraction of anomalies that sets the threshold (the training scores' {@code 1 - contamination}
 * quantile), or NaN for {@code auto}: the paper's threshold 0.5. As scikit-learn's
 * {@code IsolationForest(n_estimators, max_samples, contamination)}. Immutable; validated on construction.
 */
public record IsolationForestParams(int trees, int maxSamples, double contamination) {
    /** The spec keys, in order. */
    public static final List<String> KEYS = List.of("trees", "max_samples", "contamination");

    public IsolationForestParams {
        Checks.checkArgument(trees >= 1, "trees: expected an integer >= 1, got %s", trees);
        Checks.checkArgument(maxSamples >= 2, "max_samples: expected an integer >= 2, got %s", maxSamples);
        Checks.checkArgument(Double.isNaN(contamination) || (contamination > 0 && contamination <= 0.5),
                "contamination: expected auto or a number in (0, 0.5], got %s", contamination);
    }

    public static IsolationForestParams defaults() {
        return new IsolationForestParams(100, 256, Double.NaN);
    }

    /** What a search may vary: the tree count and the sub-sample size. */
    public static SearchSpace space() {
        return SearchSpace.of(SearchSpace.ints("trees", 50, 300), SearchSpace.logInts("max_samples", 64, 1024));
    }

    /** Parses spec strings; absent keys take their defaults. */
    public static IsolationForestParams fromMap(Map<String, String> values) {
        var reader = new ParamReader(IsolationForestModel.TYPE, values, KEYS);
        IsolationForestParams d = defaults();
        String contamination = reader.text("contamination", "auto");
        double fraction = Double.NaN;
        if (!contamination.equals("auto")) {
            fraction = reader.number("contamination", 0.1, 0, true);
            Checks.checkArgument(fraction <= 0.5, "contamination: expected auto or a number in (0, 0.5], got '%s'", contamination);
        }
        return new IsolationForestParams(reader.integer("trees", d.trees, 1), reader.integer("max_samples", d.maxSamples, 2), fraction);
    }

    /** The values by spec key; contamination {@code auto} or the fraction. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("trees", trees);
        out.put("max_samples", maxSamples);
        out.put("contamination", Double.isNaN(contamination) ? "auto" : contamination);
        return Collections.unmodifiableMap(out);
    }

    public IsolationForestParams withTrees(int value) {
        return new IsolationForestParams(value, maxSamples, contamination);
    }

    public IsolationForestParams withMaxSamples(int value) {
        return new IsolationForestParams(trees, value, contamination);
    }

    public IsolationForestParams withContamination(double value) {
        return new IsolationForestParams(trees, maxSamples, value);
    }
}
