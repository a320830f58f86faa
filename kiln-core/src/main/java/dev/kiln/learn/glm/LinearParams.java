package dev.kiln.learn.glm;

import dev.kiln.data.Checks;
import dev.kiln.learn.ParamReader;
import dev.kiln.learn.SearchSpace;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyper-parameters of {@link LinearLearner}. {@code l2} weighs the ridge penalty {@code l2 ‖w‖²} added
 * to the sum of squared errors, on the original feature scale, intercept excluded: scikit-learn's
 * {@code Ridge(alpha=l2)}. The default 0 is ordinary least squares. Immutable; validated on
 * construction.
 */
public record LinearParams(double l2) {
    /** The spec keys, in order. */
    public static final List<String> KEYS = List.of("l2");

    public LinearParams {
        Checks.checkArgument(ParamReader.inRange(l2, 0, false), "l2: expected a number >= 0, got %s", l2);
    }

    public static LinearParams defaults() {
        return new LinearParams(0.0);
    }

    /** What a search may vary: the ridge penalty, log-uniform. */
    public static SearchSpace space() {
        return SearchSpace.of(SearchSpace.logReals("l2", 1e-6, 100));
    }

    /** Parses spec strings; absent keys take their defaults. */
    public static LinearParams fromMap(Map<String, String> values) {
        var reader = new ParamReader("linear", values, KEYS);
        return new LinearParams(reader.number("l2", defaults().l2, 0, false));
    }

    /** The values by spec key. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("l2", l2);
        return Collections.unmodifiableMap(out);
    }

    public LinearParams withL2(double value) {
        return new LinearParams(value);
    }
}
