package dev.kiln.learn.bayes;

import dev.kiln.data.Checks;
import dev.kiln.learn.ParamReader;
import dev.kiln.learn.SearchSpace;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyper-parameters of {@link NaiveBayesLearner}. {@code kind} is {@code gaussian} (numeric features),
 * {@code multinomial} (counts), {@code categorical} (integer category codes) or {@code auto}:
 * categorical when every value is an integer in {@code [0, }{@link #AUTO_MAX_CODE}{@code ]} (codes and
 * 0/1 indicators), multinomial when every value is a non-negative integer and some are larger
 * (counts), gaussian otherwise. {@code varSmoothing} is scikit-learn's {@code GaussianNB} share of the
 * largest feature variance added to every variance; {@code alpha} the additive (Laplace/Lidstone)
 * smoothing of the count models. Immutable; validated on construction.
 */
public record NaiveBayesParams(String kind, double varSmoothing, double alpha) {
    /** The spec keys, in order. */
    public static final List<String> KEYS = List.of("kind", "var_smoothing", "alpha");
    /** The largest code for which {@code auto} still reads integer features as categories. */
    public static final int AUTO_MAX_CODE = 31;
    private static final List<String> KINDS = List.of("auto", GaussianLikelihood.KIND, MultinomialLikelihood.KIND,
            CategoricalLikelihood.KIND);

    public NaiveBayesParams {
        Checks.checkArgument(KINDS.contains(kind), "kind: expected one of %s, got '%s'", String.join(", ", KINDS), kind);
        Checks.checkArgument(ParamReader.inRange(varSmoothing, 0, false), "var_smoothing: expected a number >= 0, got %s",
                varSmoothing);
        Checks.checkArgument(ParamReader.inRange(alpha, 0, true), "alpha: expected a number > 0, got %s", alpha);
    }

    /** Kind chosen from the data, var_smoothing 1e-9 and alpha 1, as scikit-learn. */
    public static NaiveBayesParams defaults() {
        return new NaiveBayesParams("auto", 1e-9, 1.0);
    }

    /** What a search may vary: both smoothings, log-uniform. */
    public static SearchSpace space() {
        return SearchSpace.of(SearchSpace.logReals("var_smoothing", 1e-12, 1e-1), SearchSpace.logReals("alpha", 1e-3, 10));
    }

    /** Parses spec strings; absent keys take their defaults. */
    public static NaiveBayesParams fromMap(Map<String, String> values) {
        var r = new ParamReader("naive_bayes", values, KEYS);
        NaiveBayesParams d = defaults();
        return new NaiveBayesParams(r.text("kind", d.kind), r.number("var_smoothing", d.varSmoothing, 0, false),
                r.number("alpha", d.alpha, 0, true));
    }

    /** The values by spec key. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", kind);
        out.put("var_smoothing", varSmoothing);
        out.put("alpha", alpha);
        return Collections.unmodifiableMap(out);
    }

    public NaiveBayesParams withKind(String value) {
        return new NaiveBayesParams(value, varSmoothing, alpha);
    }

    public NaiveBayesParams withAlpha(double value) {
        return new NaiveBayesParams(kind, varSmoothing, value);
    }
}
