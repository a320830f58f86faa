package dev.kiln.learn.gbm;

import dev.kiln.data.Checks;
import dev.kiln.learn.ParamReader;
import dev.kiln.learn.SearchSpace;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyper-parameters of {@link GbmLearner}, with LightGBM-like defaults. Boosting: {@code trees} rounds
 * (one tree per output per round) shrunk by {@code learningRate}. Each tree grows best-first up to
 * {@code maxLeaves} leaves and {@code maxDepth} levels (0 = unlimited) on at most {@code maxBins}
 * value bins per feature (plus one for missing values). A split must leave each child
 * {@code minSamplesLeaf} rows and {@code minChildWeight} hessian; leaves are shrunk by {@code l1}
 * and {@code l2}. Each round sees a {@code subsample} fraction of rows and each tree a
 * {@code colsample} fraction of features. {@code loss} is {@code auto} (by task) or a name of
 * {@link Loss#of}. With {@code earlyStoppingRounds > 0}, a seeded {@code validationFraction} of the
 * training rows is held out and boosting stops once its loss has not improved for that many rounds.
 * {@code categorical} names features holding integer category codes, split natively by category
 * sets; no feature is guessed to be categorical. Immutable; validated on construction.
 */
public record GbmParams(int trees, double learningRate, int maxDepth, int maxLeaves, int maxBins, double minChildWeight,
        int minSamplesLeaf, double l1, double l2, double subsample, double colsample, String loss, double huberDelta,
        double quantileAlpha, int earlyStoppingRounds, double validationFraction, List<String> categorical) {
    /** The spec keys, in order. */
    public static final List<String> KEYS = List.of("trees", "learning_rate", "max_depth", "max_leaves", "max_bins",
            "min_child_weight", "min_samples_leaf", "l1", "l2", "subsample", "colsample", "loss", "huber_delta",
            "quantile_alpha", "early_stopping_rounds", "validation_fraction", "categorical");

    public GbmParams {
        Checks.checkArgument(trees >= 1, "trees: expected an integer >= 1, got %s", trees);
        Checks.checkArgument(learningRate > 0 && Double.isFinite(learningRate), "learning_rate: expected a number > 0, got %s", learningRate);
        Checks.checkArgument(maxDepth >= 0, "max_depth: expected an integer >= 0 (0 = unlimited), got %s", maxDepth);
        Checks.checkArgument(maxLeaves >= 2 && maxLeaves <= 65_536, "max_leaves: expected an integer in [2, 65536], got %s", maxLeaves);
        Checks.checkArgument(maxBins >= 2 && maxBins <= 255, "max_bins: expected an integer in [2, 255], got %s", maxBins);
        Checks.checkArgument(minChildWeight >= 0 && Double.isFinite(minChildWeight), "min_child_weight: expected a number >= 0, got %s", minChildWeight);
        Checks.checkArgument(minSamplesLeaf >= 1, "min_samples_leaf: expected an integer >= 1, got %s", minSamplesLeaf);
        Checks.checkArgument(l1 >= 0 && Double.isFinite(l1), "l1: expected a number >= 0, got %s", l1);
        Checks.checkArgument(l2 >= 0 && Double.isFinite(l2), "l2: expected a number >= 0, got %s", l2);
        Checks.checkArgument(subsample > 0 && subsample <= 1, "subsample: expected a number in (0, 1], got %s", subsample);
        Checks.checkArgument(colsample > 0 && colsample <= 1, "colsample: expected a number in (0, 1], got %s", colsample);
        Checks.checkArgument(loss != null && !loss.isBlank(), "loss: expected a name, got '%s'", loss);
        Checks.checkArgument(huberDelta > 0 && Double.isFinite(huberDelta), "huber_delta: expected a number > 0, got %s", huberDelta);
        Checks.checkArgument(quantileAlpha > 0 && quantileAlpha < 1, "quantile_alpha: expected a number in (0, 1), got %s", quantileAlpha);
        Checks.checkArgument(earlyStoppingRounds >= 0, "early_stopping_rounds: expected an integer >= 0, got %s", earlyStoppingRounds);
        Checks.checkArgument(validationFraction > 0 && validationFraction < 1,
                "validation_fraction: expected a number in (0, 1), got %s", validationFraction);
        categorical = List.copyOf(categorical);
    }

    /** 100 trees, learning rate 0.1, 31 leaves, unlimited depth, 255 bins, LightGBM's leaf limits, no subsampling. */
    public static GbmParams defaults() {
        return new GbmParams(100, 0.1, 0, 31, 255, 1e-3, 20, 0, 0, 1, 1, "auto", 1, 0.5, 0, 0.1, List.of());
    }

    /** What a search may vary: rounds, shrinkage, tree shape, leaf limits, penalty and subsampling. */
    public static SearchSpace space() {
        return SearchSpace.of(SearchSpace.logInts("trees", 50, 1000), SearchSpace.logReals("learning_rate", 0.01, 0.3),
                SearchSpace.logInts("max_leaves", 7, 255), SearchSpace.logInts("min_samples_leaf", 2, 200),
                SearchSpace.logReals("l2", 1e-3, 10), SearchSpace.reals("subsample", 0.5, 1),
                SearchSpace.reals("colsample", 0.5, 1));
    }

    /** Parses spec strings; absent keys take their defaults. {@code categorical} is a comma-separated list of names. */
    public static GbmParams fromMap(Map<String, String> values) {
        var r = new ParamReader("gbm", values, KEYS);
        GbmParams d = defaults();
        String names = r.text("categorical", "");
        List<String> categorical = names.isEmpty() ? List.of()
                : Arrays.stream(names.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new GbmParams(r.integer("trees", d.trees, 1), r.number("learning_rate", d.learningRate, 0, true),
                r.integer("max_depth", d.maxDepth, 0), r.integer("max_leaves", d.maxLeaves, 2), r.integer("max_bins", d.maxBins, 2),
                r.number("min_child_weight", d.minChildWeight, 0, false), r.integer("min_samples_leaf", d.minSamplesLeaf, 1),
                r.number("l1", d.l1, 0, false), r.number("l2", d.l2, 0, false), r.number("subsample", d.subsample, 0, true),
                r.number("colsample", d.colsample, 0, true), r.text("loss", d.loss), r.number("huber_delta", d.huberDelta, 0, true),
                r.number("quantile_alpha", d.quantileAlpha, 0, true), r.integer("early_stopping_rounds", d.earlyStoppingRounds, 0),
                r.number("validation_fraction", d.validationFraction, 0, true), categorical);
    }

    /** The values by spec key; {@code categorical} as a comma-separated string. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("trees", trees);
        out.put("learning_rate", learningRate);
        out.put("max_depth", maxDepth);
        out.put("max_leaves", maxLeaves);
        out.put("max_bins", maxBins);
        out.put("min_child_weight", minChildWeight);
        out.put("min_samples_leaf", minSamplesLeaf);
        out.put("l1", l1);
        out.put("l2", l2);
        out.put("subsample", subsample);
        out.put("colsample", colsample);
        out.put("loss", loss);
        out.put("huber_delta", huberDelta);
        out.put("quantile_alpha", quantileAlpha);
        out.put("early_stopping_rounds", earlyStoppingRounds);
        out.put("validation_fraction", validationFraction);
        out.put("categorical", String.join(",", categorical));
        return Collections.unmodifiableMap(out);
    }

    public GbmParams withTrees(int value) {
        return new GbmParams(value, learningRate, maxDepth, maxLeaves, maxBins, minChildWeight, minSamplesLeaf, l1, l2,
                subsample, colsample, loss, huberDelta, quantileAlpha, earlyStoppingRounds, validationFraction, categorical);
    }

    public GbmParams withLearningRate(double value) {
        return new GbmParams(trees, value, maxDepth, maxLeaves, maxBins, minChildWeight, minSamplesLeaf, l1, l2,
                subsample, colsample, loss, huberDelta, quantileAlpha, earlyStoppingRounds, validationFraction, categorical);
    }

    public GbmParams withTreeShape(int depth, int leaves) {
        return new GbmParams(trees, learningRate, depth, leaves, maxBins, minChildWeight, minSamplesLeaf, l1, l2,
                subsample, colsample, loss, huberDelta, quantileAlpha, earlyStoppingRounds, validationFraction, categorical);
    }

    public GbmParams withLoss(String value) {
        return new GbmParams(trees, learningRate, maxDepth, maxLeaves, maxBins, minChildWeight, minSamplesLeaf, l1, l2,
                subsample, colsample, value, huberDelta, quantileAlpha, earlyStoppingRounds, validationFraction, categorical);
    }

    public GbmParams withSampling(double rows, double columns) {
        return new GbmParams(trees, learningRate, maxDepth, maxLeaves, maxBins, minChildWeight, minSamplesLeaf, l1, l2,
                rows, columns, loss, huberDelta, quantileAlpha, earlyStoppingRounds, validationFraction, categorical);
    }

    public GbmParams withEarlyStopping(int rounds, double fraction) {
        return new GbmParams(trees, learningRate, maxDepth, maxLeaves, maxBins, minChildWeight, minSamplesLeaf, l1, l2,
                subsample, colsample, loss, huberDelta, quantileAlpha, rounds, fraction, categorical);
    }

    public GbmParams withMinSamplesLeaf(int value) {
        return new GbmParams(trees, learningRate, maxDepth, maxLeaves, maxBins, minChildWeight, value, l1, l2,
                subsample, colsample, loss, huberDelta, quantileAlpha, earlyStoppingRounds, validationFraction, categorical);
    }

    public GbmParams withCategorical(List<String> names) {
        return new GbmParams(trees, learningRate, maxDepth, maxLeaves, maxBins, minChildWeight, minSamplesLeaf, l1, l2,
                subsample, colsample, loss, huberDelta, quantileAlpha, earlyStoppingRounds, validationFraction, names);
    }

    public GbmParams withRegularization(double newL1, double newL2) {
        return new GbmParams(trees, learningRate, maxDepth, maxLeaves, maxBins, minChildWeight, minSamplesLeaf, newL1, newL2,
                subsample, colsample, loss, huberDelta, quantileAlpha, earlyStoppingRounds, validationFraction, categorical);
    }

    public GbmParams withMaxBins(int value) {
        return new GbmParams(trees, learningRate, maxDepth, maxLeaves, value, minChildWeight, minSamplesLeaf, l1, l2,
                subsample, colsample, loss, huberDelta, quantileAlpha, earlyStoppingRounds, validationFraction, categorical);
    }
}
