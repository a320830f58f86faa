package dev.kiln.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptRuleTest {

    private static Map<String, Double> metrics(Object... pairs) {
        Map<String, Double> out = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return out;
    }

    @Test
    void andNeedsEveryClause() {
        AcceptRule rule = AcceptRule.parse("roc_auc >= 0.8 and log_loss < 0.5");
        assertThat(rule.test(metrics("roc_auc", 0.85, "log_loss", 0.4))).isTrue();
        assertThat(rule.test(metrics("roc_auc", 0.8, "log_loss", 0.4))).isTrue(); // >= includes the bound
        assertThat(rule.test(metrics("roc_auc", 0.85, "log_loss", 0.5))).isFalse(); // < excludes it
        assertThat(rule.test(metrics("roc_auc", 0.79, "log_loss", 0.4))).isFalse();
        assertThat(rule.metrics()).containsExactly("roc_auc", "log_loss");
    }

    @Test
    void orNeedsOneClause() {
        AcceptRule rule = AcceptRule.parse("a>1 or b<2");
        assertThat(rule.test(metrics("a", 2.0, "b", 5.0))).isTrue();
        assertThat(rule.test(metrics("a", 0.0, "b", 1.0))).isTrue();
        assertThat(rule.test(metrics("a", 1.0, "b", 2.0))).isFalse();
    }

    @Test
    void andBindsTighterThanOr() {
        AcceptRule rule = AcceptRule.parse("a > 1 or b < 2 and c > 3");
        // a > 1 or (b < 2 and c > 3): true; (a > 1 or b < 2) and c > 3 would be false
        assertThat(rule.test(metrics("a", 2.0, "b", 5.0, "c", 0.0))).isTrue();
        assertThat(rule.test(metrics("a", 0.0, "b", 1.0, "c", 4.0))).isTrue();
        assertThat(rule.test(metrics("a", 0.0, "b", 1.0, "c", 3.0))).isFalse();
        AcceptRule other = AcceptRule.parse("c > 3 and b < 2 or a > 1");
        assertThat(other.test(metrics("a", 2.0, "b", 5.0, "c", 0.0))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({">=, 0.5, true", ">=, 0.6, false", ">, 0.5, false", ">, 0.4, true", "<=, 0.5, true", "<, 0.5, false",
            "==, 0.5, true", "==, 0.25, false", "!=, 0.5, false", "!=, 0.25, true"})
    void everyOperator(String operator, double threshold, boolean expected) {
        assertThat(AcceptRule.parse("m " + operator + " " + threshold).test(metrics("m", 0.5))).isEqualTo(expected);
    }

    @Test
    void missingOrNanMetricFailsItsClause() {
        assertThat(AcceptRule.parse("a >= 0").test(metrics())).isFalse();
        assertThat(AcceptRule.parse("a >= 0").test(metrics("a", Double.NaN))).isFalse();
        assertThat(AcceptRule.parse("a != 1").test(metrics("a", Double.NaN))).isFalse(); // NaN != 1 is true in Java
        assertThat(AcceptRule.parse("a != 1").test(metrics())).isFalse();
        assertThat(AcceptRule.parse("a > 1 or b < 2").test(metrics("b", 1.0))).isTrue(); // only its own clause fails
        assertThat(AcceptRule.parse("a > 1 and b < 2").test(metrics("b", 1.0))).isFalse();
    }

    @Test
    void keywordsAndMetricNamesIgnoreCase() {
        AcceptRule rule = AcceptRule.parse("  ROC_AUC >= 0.8 AND r2 > 0 Or accuracy==1  ");
        assertThat(rule.metrics()).containsExactly("roc_auc", "r2", "accuracy");
        assertThat(rule.test(metrics("roc_auc", 0.9, "r2", 0.1))).isTrue();
        assertThat(rule.test(metrics("accuracy", 1.0))).isTrue();
        assertThat(rule).hasToString("ROC_AUC >= 0.8 AND r2 > 0 Or accuracy==1");
    }

    @Test
    void emptyRuleIsRejected() {
        assertThatThrownBy(() -> AcceptRule.parse("   "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("empty rule, expected for instance 'roc_auc >= 0.8'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"roc_auc", "roc_auc 0.8", ">= 0.8", "roc_auc => 0.8", "roc_auc >= ", "roc_auc = 0.8",
            "1 >= roc_auc", "roc auc >= 0.8", "roc_auc >= 0.8 and log_loss"})
    void malformedClausesNameTheClauseAndTheExpectedForm(String text) {
        assertThatThrownBy(() -> AcceptRule.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected METRIC OPERATOR NUMBER such as 'roc_auc >= 0.8'")
                .hasMessageStartingWith("cannot read '");
    }

    @Test
    void badNumberIsNamed() {
        assertThatThrownBy(() -> AcceptRule.parse("roc_auc >= 0.8 and log_loss < half"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'half' is not a number in 'log_loss < half'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "0.8d", "0x1p3"})
    void thresholdsMustBePlainFiniteNumbers(String threshold) {
        assertThatThrownBy(() -> AcceptRule.parse("roc_auc >= " + threshold))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + threshold + "' is not a number");
    }
}
