package dev.kiln.learn.svm;

import dev.kiln.data.Checks;
import dev.kiln.learn.ParamReader;
import dev.kiln.learn.SearchSpace;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyper-parameters of {@link SvmLearner}, with libsvm's and scikit-learn's {@code SVC}/{@code SVR}
 * defaults. {@code c} bounds the dual variables; {@code kernel} is {@code rbf}, {@code poly} or
 * {@code linear}; {@code gamma} is {@code scale} ({@code 1 / (features × variance of all values)}, as
 * scikit-learn), {@code auto} ({@code 1 / features}) or a positive number; {@code degree} and
 * {@code coef0} shape the polynomial kernel. {@code epsilon} is the width of the SVR tube, in target
 * units. {@code tolerance} is the SMO stopping gap; {@code shrinking} turns libsvm's shrinking on;
 * {@code cacheMb} bounds the kernel row cache; {@code maxIter} bounds SMO iterations (0 = libsvm's
 * {@code max(10^7, 100 rows)}). {@code standardize} scales features to zero mean and unit variance
 * first. {@code plattFolds} is the number of cross-validation folds whose held-out decision values fit
 * Platt's sigmoid (libsvm uses 5); 0 fits it on the training decision values instead (no extra fits,
 * biased towards confident probabilities). Immutable; validated on construction.
 */
public record SvmParams(double c, String kernel, String gamma, int degree, double coef0, double epsilon, double tolerance,
                        boolean shrinking, double cacheMb, int maxIter, boolean standardize, int plattFolds) {
    /** The spec keys, in order. */
    public static final List<String> KEYS = List.of("c", "kernel", "gamma", "degree", "coef0", "epsilon", "tolerance",
            "shrinking", "cache_mb", "max_iter", "standardize", "platt_folds");

    public SvmParams {
        Checks.checkArgument(ParamReader.inRange(c, 0, true), "c: expected a number > 0, got %s", c);
        KernelKind.parse("kernel", kernel);
        Checks.checkArgument(gamma != null && (gamma.equals("scale") || gamma.equals("auto") || positive(gamma)),
                "gamma: expected scale, auto or a number > 0, got '%s'", gamma);
        Checks.checkArgument(degree >= 1 && degree <= 10, "degree: expected an integer in [1, 10], got %s", degree);
        Checks.checkArgument(Double.isFinite(coef0), "coef0: expected a finite number, got %s", coef0);
        Checks.checkArgument(ParamReader.inRange(epsilon, 0, false), "epsilon: expected a number >= 0, got %s", epsilon);
        Checks.checkArgument(ParamReader.inRange(tolerance, 0, true), "tolerance: expected a number > 0, got %s", tolerance);
        Checks.checkArgument(ParamReader.inRange(cacheMb, 0, true), "cache_mb: expected a number > 0, got %s", cacheMb);
        Checks.checkArgument(maxIter >= 0, "max_iter: expected an integer >= 0 (0 = libsvm's bound), got %s", maxIter);
        Checks.checkArgument(plattFolds == 0 || plattFolds >= 2 && plattFolds <= 20,
                "platt_folds: expected 0 or an integer in [2, 20], got %s", plattFolds);
    }

    /** C 1, RBF with gamma {@code scale}, degree 3, coef0 0, epsilon 0.1, tolerance 1e-3, shrinking, 200 MB, 5 Platt folds. */
    public static SvmParams defaults() {
        return new SvmParams(1, "rbf", "scale", 3, 0, 0.1, 1e-3, true, 200, 0, true, 5);
    }

    /**
     * What a search may vary: C and gamma of the RBF kernel, log-uniform (the kernel stays a choice of the
     * spec: a polynomial kernel with a large gamma makes SMO converge very slowly).
     */
    public static SearchSpace space() {
        return SearchSpace.of(SearchSpace.logReals("c", 1e-2, 1e3), SearchSpace.logReals("gamma", 1e-4, 10));
    }

    /** Parses spec strings; absent keys take their defaults. */
    public static SvmParams fromMap(Map<String, String> values) {
        var r = new ParamReader("svm", values, KEYS);
        SvmParams d = defaults();
        return new SvmParams(r.number("c", d.c, 0, true), r.text("kernel", d.kernel), r.text("gamma", d.gamma),
                r.integer("degree", d.degree, 1), r.number("coef0", d.coef0, -Double.MAX_VALUE, false),
                r.number("epsilon", d.epsilon, 0, false), r.number("tolerance", d.tolerance, 0, true),
                flag(r, "shrinking", d.shrinking), r.number("cache_mb", d.cacheMb, 0, true), r.integer("max_iter", d.maxIter, 0),
                flag(r, "standardize", d.standardize), r.integer("platt_folds", d.plattFolds, 0));
    }

    /** The values by spec key. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("c", c);
        out.put("kernel", kernel);
        out.put("gamma", gamma);
        out.put("degree", degree);
        out.put("coef0", coef0);
        out.put("epsilon", epsilon);
        out.put("tolerance", tolerance);
        out.put("shrinking", shrinking);
        out.put("cache_mb", cacheMb);
        out.put("max_iter", maxIter);
        out.put("standardize", standardize);
        out.put("platt_folds", plattFolds);
        return Collections.unmodifiableMap(out);
    }

    /** The kernel kind. */
    public KernelKind kernelKind() {
        return KernelKind.parse("kernel", kernel);
    }

    public SvmParams withC(double value) {
        return new SvmParams(value, kernel, gamma, degree, coef0, epsilon, tolerance, shrinking, cacheMb, maxIter, standardize,
                plattFolds);
    }

    public SvmParams withKernel(String value) {
        return new SvmParams(c, value, gamma, degree, coef0, epsilon, tolerance, shrinking, cacheMb, maxIter, standardize,
                plattFolds);
    }

    public SvmParams withGamma(String value) {
        return new SvmParams(c, kernel, value, degree, coef0, epsilon, tolerance, shrinking, cacheMb, maxIter, standardize,
                plattFolds);
    }

    public SvmParams withPlattFolds(int value) {
        return new SvmParams(c, kernel, gamma, degree, coef0, epsilon, tolerance, shrinking, cacheMb, maxIter, standardize,
                value);
    }

    public SvmParams withShrinking(boolean value) {
        return new SvmParams(c, kernel, gamma, degree, coef0, epsilon, tolerance, value, cacheMb, maxIter, standardize,
                plattFolds);
    }

    static boolean flag(ParamReader reader, String key, boolean fallback) {
        String text = reader.text(key, Boolean.toString(fallback));
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(String.format("%s: expected true or false, got '%s'", key, text));
        };
    }

    private static boolean positive(String text) {
        try {
            return ParamReader.inRange(Double.parseDouble(text.trim()), 0, true);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
