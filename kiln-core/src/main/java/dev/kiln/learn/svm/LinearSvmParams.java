package dev.kiln.learn.svm;

import dev.kiln.data.Checks;
import dev.kiln.learn.ParamReader;
import dev.kiln.learn.SearchSpace;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyper-parameters of {@link LinearSvmLearner}, with scikit-learn's {@code LinearSVC}/{@code LinearSVR}
 * defaults. {@code c} weighs the loss against {@code ½‖w‖²}. {@code loss} is {@code auto} (squared
 * hinge for classification, ε-insensitive for regression, as scikit-learn), {@code hinge},
 * {@code squared_hinge}, {@code epsilon_insensitive} or {@code squared_epsilon_insensitive}.
 * {@code epsilon} is the SVR tube width in target units. {@code tolerance} and {@code maxIter} stop the
 * coordinate descent (LIBLINEAR's {@code eps} and passes over the rows). {@code plattFolds} is the
 * number of seeded cross-validation folds whose held-out decision values fit the Platt sigmoid; 0 fits
 * it on the training decision values. Immutable; validated on construction.
 */
public record LinearSvmParams(double c, String loss, double epsilon, double tolerance, int maxIter, int plattFolds) {
    /** The spec keys, in order. */
    public static final List<String> KEYS = List.of("c", "loss", "epsilon", "tolerance", "max_iter", "platt_folds");
    private static final List<String> LOSSES = List.of("auto", "hinge", "squared_hinge", "epsilon_insensitive",
            "squared_epsilon_insensitive");

    public LinearSvmParams {
        Checks.checkArgument(ParamReader.inRange(c, 0, true), "c: expected a number > 0, got %s", c);
        Checks.checkArgument(LOSSES.contains(loss), "loss: expected one of %s, got '%s'", String.join(", ", LOSSES), loss);
        Checks.checkArgument(ParamReader.inRange(epsilon, 0, false), "epsilon: expected a number >= 0, got %s", epsilon);
        Checks.checkArgument(ParamReader.inRange(tolerance, 0, true), "tolerance: expected a number > 0, got %s", tolerance);
        Checks.checkArgument(maxIter >= 1, "max_iter: expected an integer >= 1, got %s", maxIter);
        Checks.checkArgument(plattFolds == 0 || plattFolds >= 2 && plattFolds <= 20,
                "platt_folds: expected 0 or an integer in [2, 20], got %s", plattFolds);
    }

    /** C 1, loss by task, epsilon 0, tolerance 1e-4, 1000 passes, 3 Platt folds. */
    public static LinearSvmParams defaults() {
        return new LinearSvmParams(1, "auto", 0, 1e-4, 1000, 3);
    }

    /** What a search may vary: C, log-uniform. */
    public static SearchSpace space() {
        return SearchSpace.of(SearchSpace.logReals("c", 1e-3, 1e2));
    }

    /** Parses spec strings; absent keys take their defaults. */
    public static LinearSvmParams fromMap(Map<String, String> values) {
        var r = new ParamReader("linear_svm", values, KEYS);
        LinearSvmParams d = defaults();
        return new LinearSvmParams(r.number("c", d.c, 0, true), r.text("loss", d.loss), r.number("epsilon", d.epsilon, 0, false),
                r.number("tolerance", d.tolerance, 0, true), r.integer("max_iter", d.maxIter, 1),
                r.integer("platt_folds", d.plattFolds, 0));
    }

    /** The values by spec key. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("c", c);
        out.put("loss", loss);
        out.put("epsilon", epsilon);
        out.put("tolerance", tolerance);
        out.put("max_iter", maxIter);
        out.put("platt_folds", plattFolds);
        return Collections.unmodifiableMap(out);
    }

    /** Whether the loss is squared for a classifier ({@code regression} false) or a regressor; checks it fits the task. */
    boolean squaredLoss(boolean regression) {
        String resolved = loss.equals("auto") ? (regression ? "epsilon_insensitive" : "squared_hinge") : loss;
        boolean regressionLoss = resolved.contains("epsilon");
        Checks.checkArgument(regressionLoss == regression, "loss: '%s' is for %s, the task is %s", resolved,
                regressionLoss ? "regression" : "classification", regression ? "regression" : "classification");
        return resolved.startsWith("squared");
    }

    public LinearSvmParams withC(double value) {
        return new LinearSvmParams(value, loss, epsilon, tolerance, maxIter, plattFolds);
    }

    public LinearSvmParams withLoss(String value) {
        return new LinearSvmParams(c, value, epsilon, tolerance, maxIter, plattFolds);
    }

    public LinearSvmParams withPlattFolds(int value) {
        return new LinearSvmParams(c, loss, epsilon, tolerance, maxIter, value);
    }
}
