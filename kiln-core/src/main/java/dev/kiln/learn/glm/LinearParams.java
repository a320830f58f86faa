package dev.kiln.learn.glm;

import dev.kiln.data.Checks;
import dev.kiln.learn.ParamReader;
import dev.kiln.learn.SearchSpace;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyper-parameters of {@link LinearLearner}, all penalties on the original feature scale, intercept
 * excluded. {@code l2} weighs the ridge penalty {@code l2 ‖w‖²} added to the sum of squared errors
 * (scikit-learn's {@code Ridge(alpha=l2)}), solved in closed form. {@code alpha > 0} fits the elastic
 * net instead, scikit-learn's {@code ElasticNet(alpha, l1_ratio)}:
 * {@code (1/2n) ‖y - Xw - b‖² + alpha l1_ratio ‖w‖₁ + ½ alpha (1 - l1_ratio) ‖w‖²} ({@code l1_ratio}
 * 1 is the lasso, 0 ridge), by coordinate descent along a path of {@code path_length} penalties;
 * {@code cv_folds ≥ 2} chooses {@code alpha} by that many folds of cross-validation over the path down
 * to {@code lambda_min_ratio} times its largest value, as {@code ElasticNetCV}. Coordinate descent
 * stops when no coefficient moved by more than {@code tolerance} (times the target's variance, in
 * squared standardised units) or after {@code max_iter} sweeps per penalty. The defaults (all 0)
 * are ordinary least squares, as before these keys existed. Immutable; validated on construction.
 */
public record LinearParams(double l2, double alpha, double l1Ratio, int cvFolds, int pathLength, double lambdaMinRatio,
        int maxIter, double tolerance) {
    /** The spec keys, in order. */
    public static final List<String> KEYS = List.of("l2", "alpha", "l1_ratio", "cv_folds", "path_length", "lambda_min_ratio",
            "max_iter", "tolerance");

    public LinearParams {
        Checks.checkArgument(ParamReader.inRange(l2, 0, false), "l2: expected a number >= 0, got %s", l2);
        Checks.checkArgument(ParamReader.inRange(alpha, 0, false), "alpha: expected a number >= 0, got %s", alpha);
        Checks.checkArgument(l1Ratio >= 0 && l1Ratio <= 1, "l1_ratio: expected a number in [0, 1], got %s", l1Ratio);
        Checks.checkArgument(cvFolds == 0 || cvFolds >= 2, "cv_folds: expected 0 (no cross-validation) or an integer >= 2, got %s",
                cvFolds);
        Checks.checkArgument(pathLength >= 1, "path_length: expected an integer >= 1, got %s", pathLength);
        Checks.checkArgument(lambdaMinRatio > 0 && lambdaMinRatio < 1, "lambda_min_ratio: expected a number in (0, 1), got %s",
                lambdaMinRatio);
        Checks.checkArgument(maxIter >= 1, "max_iter: expected an integer >= 1, got %s", maxIter);
        Checks.checkArgument(ParamReader.inRange(tolerance, 0, true), "tolerance: expected a number > 0, got %s", tolerance);
        Checks.checkArgument(!(alpha > 0 && cvFolds > 0),
                "alpha: give alpha or cv_folds (which chooses alpha), not both: alpha %s, cv_folds %s", alpha, cvFolds);
        Checks.checkArgument(l2 == 0 || alpha == 0 && cvFolds == 0,
                "l2: the closed-form ridge penalty does not combine with alpha or cv_folds (use l1_ratio < 1 for a ridge part), got l2 %s", l2);
    }

    /** Least squares with the closed-form ridge penalty {@code l2} (0: ordinary least squares) and the other keys' defaults. */
    public LinearParams(double l2) {
        this(l2, 0.0, 0.5, 0, 100, 1e-3, 1000, 1e-7);
    }

    /** Ordinary least squares; for the elastic net: l1_ratio 0.5, 100 penalties down to 0.001, 1000 sweeps, tolerance 1e-7. */
    public static LinearParams defaults() {
        return new LinearParams(0.0);
    }

    /** Whether the elastic net (coordinate descent) fits, rather than the closed-form least squares or ridge. */
    public boolean elasticNet() {
        return alpha > 0 || cvFolds > 0;
    }

    /** What a search may vary: the ridge penalty, log-uniform. */
    public static SearchSpace space() {
        return SearchSpace.of(SearchSpace.logReals("l2", 1e-6, 100));
    }

    /** Parses spec strings; absent keys take their defaults. */
    public static LinearParams fromMap(Map<String, String> values) {
        var r = new ParamReader("linear", values, KEYS);
        LinearParams d = defaults();
        return new LinearParams(r.number("l2", d.l2, 0, false), r.number("alpha", d.alpha, 0, false),
                r.number("l1_ratio", d.l1Ratio, 0, false), r.integer("cv_folds", d.cvFolds, 0),
                r.integer("path_length", d.pathLength, 1), r.number("lambda_min_ratio", d.lambdaMinRatio, 0, true),
                r.integer("max_iter", d.maxIter, 1), r.number("tolerance", d.tolerance, 0, true));
    }

    /** The values by spec key. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("l2", l2);
        out.put("alpha", alpha);
        out.put("l1_ratio", l1Ratio);
        out.put("cv_folds", cvFolds);
        out.put("path_length", pathLength);
        out.put("lambda_min_ratio", lambdaMinRatio);
        out.put("max_iter", maxIter);
        out.put("tolerance", tolerance);
        return Collections.unmodifiableMap(out);
    }

    public LinearParams withL2(double value) {
        return new LinearParams(value, alpha, l1Ratio, cvFolds, pathLength, lambdaMinRatio, maxIter, tolerance);
    }

    public LinearParams withAlpha(double value) {
        return new LinearParams(l2, value, l1Ratio, cvFolds, pathLength, lambdaMinRatio, maxIter, tolerance);
    }

    public LinearParams withL1Ratio(double value) {
        return new LinearParams(l2, alpha, value, cvFolds, pathLength, lambdaMinRatio, maxIter, tolerance);
    }

    public LinearParams withCvFolds(int value) {
        return new LinearParams(l2, alpha, l1Ratio, value, pathLength, lambdaMinRatio, maxIter, tolerance);
    }
}
