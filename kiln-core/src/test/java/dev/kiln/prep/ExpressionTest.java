package dev.kiln.prep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionTest {
    private final Frame frame = Frame.of(NumericColumn.of("charges", new double[] {100, 50, Double.NaN}),
            NumericColumn.of("tenure", new double[] {4, 0, 2}), NumericColumn.of("monthly charges", new double[] {1, 2, 3}),
            CategoricalColumn.ofLabels("plan", new String[] {"a", "b", "a"}));

    @Test
    void followsPrecedenceAndAssociativity() {
        assertThat(value("1 + 2 * 3")).isEqualTo(7);
        assertThat(value("(1 + 2) * 3")).isEqualTo(9);
        assertThat(value("2 ^ 3 ^ 2")).isEqualTo(512);
        assertThat(value("-2 ^ 2")).isEqualTo(-4);
        assertThat(value("2 ^ -1")).isEqualTo(0.5);
        assertThat(value("10 - 4 - 3")).isEqualTo(3);
        assertThat(value("max(1, 5, 3) + min(2, -1) + abs(-2) + sqrt(16) + log(exp(1.5e0))")).isEqualTo(5 - 1 + 2 + 4 + 1.5);
    }

    @Test
    void readsColumnsAndTurnsNonFiniteResultsIntoMissing() {
        Frame out = new DerivedFeatures(Map.of("ratio", "charges / tenure", "q", "`monthly charges` * 2")).apply(frame);
        assertThat(out.numeric("ratio").toArray()).containsExactly(25.0, Double.NaN, Double.NaN);
        assertThat(out.numeric("q").toArray()).containsExactly(2.0, 4.0, 6.0);
    }

    @Test
    void namesTheMistakeAndItsPosition() {
        assertThatThrownBy(() -> Expression.parse("a + * b")).hasMessageContaining("position 5");
        assertThatThrownBy(() -> Expression.parse("system(1)")).hasMessageContaining("unknown function 'system'");
        assertThatThrownBy(() -> Expression.parse("(a + b")).hasMessageContaining("expected ')'");
        assertThatThrownBy(() -> Expression.parse("log(a, b)")).hasMessageContaining("log takes one argument");
        assertThatThrownBy(() -> new DerivedFeatures(Map.of("x", "plan * 2")).fit(frame))
                .hasMessageContaining("column 'plan', which is categorical");
    }

    private double value(String text) {
        return Expression.parse(text).evaluate(frame)[0];
    }
}
