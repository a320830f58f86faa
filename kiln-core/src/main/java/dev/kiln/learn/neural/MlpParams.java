package dev.kiln.learn.neural;

import dev.kiln.data.Checks;
import dev.kiln.learn.ParamReader;
import dev.kiln.learn.SearchSpace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Hyper-parameters of {@link MlpLearner}, named as scikit-learn's {@code MLPClassifier}/{@code MLPRegressor}
 * where they match. {@code hidden}: the hidden layer widths ({@code "64,32"}; empty for none);
 * {@code activation} relu or tanh; {@code solver} adam or sgd (with {@code momentum}); {@code learningRate};
 * {@code batchSize} rows per mini-batch (the whole set when larger); {@code maxIter} epochs; {@code l2} the
 * penalty {@code ½ l2 ‖W‖²} per batch divided by its size ({@code alpha}); {@code dropout} the probability
 * of dropping a hidden unit while training; with {@code earlyStopping} a seeded {@code validationFraction}
 * of the rows is held out and training stops when its loss has not improved by {@code tolerance} for
 * {@code patience} epochs (the best weights are kept); without, the same rule applies to the training loss.
 * Immutable; validated on construction.
 */
public record MlpParams(List<Integer> hidden, Activation activation, String solver, double learningRate, double momentum,
                        int batchSize, int maxIter, double l2, double dropout, boolean earlyStopping, double validationFraction,
                        int patience, double tolerance) {
    /** The spec keys, in order. */
    public static final List<String> KEYS = List.of("hidden", "activation", "solver", "learning_rate", "momentum", "batch_size",
            "max_iter", "l2", "dropout", "early_stopping", "validation_fraction", "patience", "tolerance");

    public MlpParams {
        hidden = List.copyOf(hidden);
        for (int width : hidden) {
            Checks.checkArgument(width >= 1 && width <= 65_536, "hidden: layer widths must be in [1, 65536], got %s", hidden);
        }
        Checks.checkArgument(activation != null, "activation: expected relu or tanh");
        Checks.checkArgument("adam".equals(solver) || "sgd".equals(solver), "solver: expected adam or sgd, got '%s'", solver);
        Checks.checkArgument(ParamReader.inRange(learningRate, 0, true), "learning_rate: expected a number > 0, got %s", learningRate);
        Checks.checkArgument(momentum >= 0 && momentum < 1, "momentum: expected a number in [0, 1), got %s", momentum);
        Checks.checkArgument(batchSize >= 1, "batch_size: expected an integer >= 1, got %s", batchSize);
        Checks.checkArgument(maxIter >= 1, "max_iter: expected an integer >= 1, got %s", maxIter);
        Checks.checkArgument(ParamReader.inRange(l2, 0, false), "l2: expected a number >= 0, got %s", l2);
        Checks.checkArgument(dropout >= 0 && dropout < 1, "dropout: expected a number in [0, 1), got %s", dropout);
        Checks.checkArgument(validationFraction > 0 && validationFraction < 1,
                "validation_fraction: expected a number in (0, 1), got %s", validationFraction);
        Checks.checkArgument(patience >= 1, "patience: expected an integer >= 1, got %s", patience);
        Checks.checkArgument(ParamReader.inRange(tolerance, 0, false), "tolerance: expected a number >= 0, got %s", tolerance);
    }

    public static MlpParams defaults() {
        return new MlpParams(List.of(100), Activation.RELU, "adam", 1e-3, 0.9, 200, 200, 1e-4, 0.0, true, 0.1, 10, 1e-4);
    }

    /** What a search may vary: width and depth, the penalty, the learning rate and dropout. */
    public static SearchSpace space() {
        return SearchSpace.of(SearchSpace.choice("hidden", "32", "64", "128", "64,32", "128,64"),
                SearchSpace.logReals("l2", 1e-6, 1e-1), SearchSpace.logReals("learning_rate", 1e-4, 1e-2),
                SearchSpace.reals("dropout", 0, 0.5));
    }

    /** Parses spec strings; absent keys take their defaults. */
    public static MlpParams fromMap(Map<String, String> values) {
        var reader = new ParamReader("mlp", values, KEYS);
        MlpParams d = defaults();
        String activationText = reader.text("activation", d.activation.label());
        Activation activation = Activation.fromLabel(activationText);
        Checks.checkArgument(activation != null, "activation: expected relu or tanh, got '%s'", activationText);
        return new MlpParams(widths(reader.text("hidden", d.hiddenText())), activation, reader.text("solver", d.solver),
                reader.number("learning_rate", d.learningRate, 0, true), reader.number("momentum", d.momentum, 0, false),
                reader.integer("batch_size", d.batchSize, 1), reader.integer("max_iter", d.maxIter, 1),
                reader.number("l2", d.l2, 0, false), reader.number("dropout", d.dropout, 0, false),
                bool(reader.text("early_stopping", String.valueOf(d.earlyStopping))),
                reader.number("validation_fraction", d.validationFraction, 0, true), reader.integer("patience", d.patience, 1),
                reader.number("tolerance", d.tolerance, 0, false));
    }

    private static List<Integer> widths(String text) {
        List<Integer> out = new ArrayList<>();
        if (text.isBlank()) {
            return out;
        }
        for (String part : text.split(",")) {
            try {
                out.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("hidden: expected comma-separated layer widths such as 64,32, got '" + text + "'");
            }
        }
        return out;
    }

    private static boolean bool(String text) {
        Checks.checkArgument(text.equals("true") || text.equals("false"), "early_stopping: expected true or false, got '%s'", text);
        return text.equals("true");
    }

    /** The hidden widths as a spec string, {@code "64,32"}. */
    public String hiddenText() {
        return hidden.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The values by spec key. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hidden", hiddenText());
        out.put("activation", activation.label());
        out.put("solver", solver);
        out.put("learning_rate", learningRate);
        out.put("momentum", momentum);
        out.put("batch_size", batchSize);
        out.put("max_iter", maxIter);
        out.put("l2", l2);
        out.put("dropout", dropout);
        out.put("early_stopping", String.valueOf(earlyStopping));
        out.put("validation_fraction", validationFraction);
        out.put("patience", patience);
        out.put("tolerance", tolerance);
        return Collections.unmodifiableMap(out);
    }

    public MlpParams withHidden(List<Integer> value) {
        return new MlpParams(value, activation, solver, learningRate, momentum, batchSize, maxIter, l2, dropout, earlyStopping,
                validationFraction, patience, tolerance);
    }

    public MlpParams withMaxIter(int value) {
        return new MlpParams(hidden, activation, solver, learningRate, momentum, batchSize, value, l2, dropout, earlyStopping,
                validationFraction, patience, tolerance);
    }

    public MlpParams withEarlyStopping(boolean value) {
        return new MlpParams(hidden, activation, solver, learningRate, momentum, batchSize, maxIter, l2, dropout, value,
                validationFraction, patience, tolerance);
    }
}
