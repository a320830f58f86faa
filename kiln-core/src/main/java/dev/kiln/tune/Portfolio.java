package dev.kiln.tune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the search across learner families tries before it models anything: every learner's defaults,
 * then settings known to do well on tabular data (after the defaults of scikit-learn, LightGBM and the
 * AutoML portfolios of auto-sklearn and AutoGluon), and the order of the families, cheapest first. A
 * learner this table does not know gets its defaults only and comes after the known ones of its cost.
 * Stateless.
 */
public final class Portfolio {
    /** The {@link #cost} from which a family counts as costly (the forests): its defaults wait one turn. */
    static final int COSTLY = 3;

    private Portfolio() {
    }

    /** The relative cost of fitting learner {@code name}: linear models first, then single trees, boosting, forests. */
    static int cost(String name) {
        return switch (name) {
            case "linear", "logistic" -> 0;
            case "tree" -> 1;
            case "gbm" -> 2;
            case "extra_trees" -> 3;
            case "random_forest" -> 4;
            default -> 3;
        };
    }

    /** {@code names} ordered by {@link #cost}, ties by name. */
    public static List<String> byCost(List<String> names) {
        List<String> out = new ArrayList<>(names);
        out.sort(Comparator.comparingInt(Portfolio::cost).thenComparing(Comparator.naturalOrder()));
        return out;
    }

    /** The settings to try for {@code name}, defaults (the empty map) first. */
    public static List<Map<String, String>> settings(String name) {
        return switch (name) {
            case "linear" -> List.of(Map.of(), Map.of("l2", "1.0"), Map.of("l2", "30.0"));
            case "logistic" -> List.of(Map.of(), Map.of("l2", "0.01"), Map.of("l2", "10.0"));
            case "tree" -> List.of(Map.of(), Map.of("max_depth", "5", "min_samples_leaf", "10"));
            case "gbm" -> List.of(Map.of(),
                    Map.of("trees", "1000", "learning_rate", "0.05", "max_leaves", "31", "early_stopping_rounds", "30"),
                    Map.of("trees", "400", "learning_rate", "0.02", "max_leaves", "4", "min_samples_leaf", "20", "l2", "5.0"),
                    Map.of("trees", "300", "learning_rate", "0.05", "max_leaves", "15", "min_samples_leaf", "10"),
                    Map.of("trees", "500", "learning_rate", "0.05", "max_leaves", "63", "subsample", "0.8", "colsample", "0.7",
                            "min_samples_leaf", "20"),
                    Map.of("trees", "200", "learning_rate", "0.05", "max_leaves", "7", "min_samples_leaf", "5", "l2", "1.0"));
            case "random_forest" -> List.of(Map.of(), Map.of("trees", "300", "max_features", "0.5"),
                    Map.of("trees", "300", "min_samples_leaf", "3"));
            case "extra_trees" -> List.of(Map.of(), Map.of("trees", "300", "max_features", "0.5"),
                    Map.of("trees", "300", "min_samples_leaf", "2", "max_features", "1"));
            default -> List.of(Map.of());
        };
    }
}
