package dev.kiln.learn.glm;

import dev.kiln.data.Checks;
import dev.kiln.learn.ParamReader;
import dev.kiln.learn.SearchSpace;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyper-parameters of {@link LogisticLearner}. {@code l2} weighs the penalty {@code ½ l2 ‖w‖²} added
 * to the summed log-loss, on the original feature scale, intercepts excluded: {@code l2 = 1/C} of
 * scikit-learn's {@code LogisticRegression}, so the default 1.0 matches its {@code C=1}; 0 means no
 * penalty. {@code l1} weighs an added lasso penalty {@code l1 ‖w‖₁} (default 0): scikit-learn's
 * {@code penalty="l1"} is {@code l1 = 1/C, l2 = 0}, and its {@code penalty="elasticnet"} with
 * {@code l1_ratio = ρ} is {@code l1 = ρ/C, l2 = (1-ρ)/C}; with {@code l1 > 0} the fit is by OWL-QN and
 * coefficients can be exactly 0. {@code maxIter} bounds the (L-BFGS or OWL-QN) iterations; {@code tolerance} is the largest gradient
 * component, of the loss divided by the row count, at which it stops. Immutable; validated on
 * construction.
 */
public record LogisticParams(double l2, int maxIter, double tolerance, double l1) {
    /** The spec keys, in order. */
    public static final List<String> KEYS = List.of("l2", "max_iter", "tolerance", "l1");

    public LogisticParams {
        Checks.checkArgument(ParamReader.inRange(l1, 0, false), "l1: expected a number >= 0, got %s", l1);
        Checks.checkArgument(ParamReader.inRange(l2, 0, false), "l2: expected a number >= 0, got %s", l2);
        Checks.checkArgument(maxIter >= 1, "max_iter: expected an integer >= 1, got %s", maxIter);
        Checks.checkArgument(ParamReader.inRange(tolerance, 0, true), "tolerance: expected a number > 0, got %s", tolerance);
    }

    /** Without the lasso penalty, as before {@code l1} existed. */
    public LogisticParams(double l2, int maxIter, double tolerance) {
        this(l2, maxIter, tolerance, 0);
    }

    public static LogisticParams defaults() {
        return new LogisticParams(1.0, 200, 1e-6, 0);
    }

    /** What a search may vary: the L2 penalty, log-uniform. */
    public static SearchSpace space() {
        return SearchSpace.of(SearchSpace.logReals("l2", 1e-4, 100));
    }

    /** Parses spec strings; absent keys take their defaults. */
    public static LogisticParams fromMap(Map<String, String> values) {
        var reader = new ParamReader("logistic", values, KEYS);
        LogisticParams d = defaults();
        return new LogisticParams(reader.number("l2", d.l2, 0, false), reader.integer("max_iter", d.maxIter, 1),
                reader.number("tolerance", d.tolerance, 0, true), reader.number("l1", d.l1, 0, false));
    }

    /** The values by spec key. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("l2", l2);
        out.put("max_iter", maxIter);
        out.put("tolerance", tolerance);
        out.put("l1", l1);
        return Collections.unmodifiableMap(out);
    }

    public LogisticParams withL2(double value) {
        return new LogisticParams(value, maxIter, tolerance, l1);
    }

    public LogisticParams withMaxIter(int value) {
        return new LogisticParams(l2, value, tolerance, l1);
    }

    public LogisticParams withTolerance(double value) {
        return new LogisticParams(l2, maxIter, value, l1);
    }

    public LogisticParams withL1(double value) {
        return new LogisticParams(l2, maxIter, tolerance, value);
    }
}
