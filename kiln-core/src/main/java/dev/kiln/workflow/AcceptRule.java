package dev.kiln.workflow;

import dev.kiln.data.Checks;
import dev.kiln.data.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The spec's acceptance rule: comparisons of metrics with numbers joined by {@code and} / {@code or}
 * ({@code and} binds tighter), for instance {@code "roc_auc >= 0.8 and log_loss < 0.5"}. Immutable.
 */
public final class AcceptRule {
    /** One comparison such as {@code roc_auc >= 0.8}. */
    public record Clause(String metric, String operator, double threshold) {
        boolean holds(double value) {
            return switch (operator) {
                case ">=" -> value >= threshold;
                case ">" -> value > threshold;
                case "<=" -> value <= threshold;
                case "<" -> value < threshold;
                case "==" -> value == threshold;
                case "!=" -> value != threshold;
                default -> throw new IllegalStateException("operator " + operator);
            };
        }

        @Override
        public String toString() {
            return metric + " " + operator + " " + threshold;
        }
    }

    private static final List<String> OPERATORS = List.of(">=", ">", "<=", "<", "==", "!=");

    private final String text;
    private final List<List<Clause>> alternatives;

    private AcceptRule(String text, List<List<Clause>> alternatives) {
        this.text = text;
        this.alternatives = alternatives;
    }

    /** Parses {@code text}; {@link IllegalArgumentException} saying what is wrong where. */
    public static AcceptRule parse(String text) {
        String trimmed = text.strip();
        Checks.checkArgument(!trimmed.isEmpty(), "empty rule, expected for instance 'roc_auc >= 0.8'");
        List<List<Clause>> alternatives = new ArrayList<>();
        for (String alternative : trimmed.split("(?i)\\s+or\\s+")) {
            List<Clause> clauses = new ArrayList<>();
            for (String clause : alternative.split("(?i)\\s+and\\s+")) {
                clauses.add(parseClause(clause.strip()));
            }
            alternatives.add(List.copyOf(clauses));
        }
        return new AcceptRule(trimmed, List.copyOf(alternatives));
    }

    private static Clause parseClause(String clause) {
        int at = 0;
        while (at < clause.length() && "<>=!".indexOf(clause.charAt(at)) < 0) {
            at++;
        }
        int end = at;
        while (end < clause.length() && "<>=!".indexOf(clause.charAt(end)) >= 0) {
            end++;
        }
        String metric = clause.substring(0, at).strip().toLowerCase(Locale.ROOT);
        String operator = clause.substring(at, end);
        String number = clause.substring(end).strip();
        Checks.checkArgument(metric.matches("[a-z_][a-z0-9_.]*") && OPERATORS.contains(operator) && !number.isEmpty(),
                "cannot read '%s', expected METRIC OPERATOR NUMBER such as 'roc_auc >= 0.8'", clause);
        double threshold = Values.parseNumber(number);
        Checks.checkArgument(!Double.isNaN(threshold) && !Double.isInfinite(threshold), "'%s' is not a number in '%s'", number, clause);
        return new Clause(metric, operator, threshold);
    }

    /** Every metric the rule reads. */
    public List<String> metrics() {
        return alternatives.stream().flatMap(List::stream).map(Clause::metric).distinct().toList();
    }

    /** Whether {@code metrics} satisfy the rule; a metric that is absent or NaN fails its clause. */
    public boolean test(Map<String, Double> metrics) {
        for (List<Clause> clauses : alternatives) {
            boolean all = true;
            for (Clause clause : clauses) {
                Double value = metrics.get(clause.metric());
                all &= value != null && !value.isNaN() && clause.holds(value);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
