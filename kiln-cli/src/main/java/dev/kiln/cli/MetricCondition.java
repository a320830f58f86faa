package dev.kiln.cli;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A threshold on one recorded metric, as {@code kiln runs list --where} takes it: {@code test.roc_auc >= 0.8}.
 * Operators: {@code >=}, {@code <=}, {@code >}, {@code <}, {@code =} (or {@code ==}), {@code !=}. A run without
 * the metric, or with NaN, never matches. Immutable.
 *
 * @param metric    the metric's recorded name
 * @param operator  the comparison
 * @param threshold the number compared with
 */
record MetricCondition(String metric, String operator, double threshold) {
    private static final Pattern SYNTAX = Pattern.compile("\\s*([A-Za-z0-9_.\\-]+)\\s*(>=|<=|==|!=|=|>|<)\\s*(\\S+)\\s*");

    static MetricCondition parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("--where '" + text + "': expected METRIC OP NUMBER, "
                    + "for instance \"test.roc_auc >= 0.8\" (OP: >=, <=, >, <, =, !=)");
        }
        double threshold;
        try {
            threshold = Double.parseDouble(m.group(3));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--where '" + text + "': '" + m.group(3) + "' is not a number", e);
        }
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("--where '" + text + "': the threshold must be a finite number");
        }
        return new MetricCondition(m.group(1), m.group(2), threshold);
    }

    boolean test(Map<String, Double> metrics) {
        Double value = metrics.get(metric);
        if (value == null || value.isNaN()) {
            return false;
        }
        double v = value;
        return switch (operator) {
            case ">=" -> v >= threshold;
            case "<=" -> v <= threshold;
            case ">" -> v > threshold;
            case "<" -> v < threshold;
            case "!=" -> v != threshold;
            default -> v == threshold;
        };
    }
}
