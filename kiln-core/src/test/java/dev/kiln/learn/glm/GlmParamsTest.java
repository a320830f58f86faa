package dev.kiln.learn.glm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GlmParamsTest {

    @Test
    void logisticDefaultsMatchScikitLearn() {
        assertThat(LogisticParams.defaults()).isEqualTo(new LogisticParams(1.0, 200, 1e-6));
        assertThat(LogisticParams.fromMap(Map.of())).isEqualTo(LogisticParams.defaults());
        assertThat(LogisticParams.defaults().toMap()).containsExactly(
                Map.entry("l2", 1.0), Map.entry("max_iter", 200), Map.entry("tolerance", 1e-6));
    }

    @Test
    void logisticParsesAndRoundTrips() {
        LogisticParams params = LogisticParams.fromMap(Map.of("l2", "0.25", "max_iter", " 50 ", "tolerance", "1e-8"));
        assertThat(params).isEqualTo(new LogisticParams(0.25, 50, 1e-8));
        Map<String, String> text = Map.of("l2", "0.25", "max_iter", "50", "tolerance", "1.0E-8");
        assertThat(LogisticParams.fromMap(text)).isEqualTo(params);
    }

    @Test
    void logisticNamesTheKeyAndValueOfBadInput() {
        assertThatThrownBy(() -> LogisticParams.fromMap(Map.of("max_iter", "abc")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("max_iter: expected an integer >= 1, got 'abc'");
        assertThatThrownBy(() -> LogisticParams.fromMap(Map.of("tolerance", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("tolerance: expected a number > 0.0, got '0'");
        assertThatThrownBy(() -> LogisticParams.fromMap(Map.of("l2", "NaN")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("l2: expected a number >= 0.0, got 'NaN'");
        assertThatThrownBy(() -> LogisticParams.fromMap(Map.of("C", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown parameter 'C' for logistic (known: l2, max_iter, tolerance)");
        assertThatThrownBy(() -> new LogisticParams(-1, 10, 1e-6))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("l2: expected a number >= 0, got -1.0");
    }

    @Test
    void linearParsesAndNamesBadInput() {
        assertThat(LinearParams.defaults().l2()).isZero();
        assertThat(LinearParams.fromMap(Map.of("l2", "3"))).isEqualTo(new LinearParams(3));
        assertThat(LinearParams.defaults().withL2(2).toMap()).containsExactly(Map.entry("l2", 2.0));
        assertThatThrownBy(() -> LinearParams.fromMap(Map.of("l2", "-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("l2: expected a number >= 0.0, got '-1'");
        assertThatThrownBy(() -> LinearParams.fromMap(Map.of("alpha", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown parameter 'alpha' for linear (known: l2)");
    }
}
