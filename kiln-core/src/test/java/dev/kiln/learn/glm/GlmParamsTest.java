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
                Map.entry("l2", 1.0), Map.entry("max_iter", 200), Map.entry("tolerance", 1e-6), Map.entry("l1", 0.0));
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
                .hasMessage("unknown parameter 'C' for logistic (known: l2, max_iter, tolerance, l1)");
        assertThatThrownBy(() -> new LogisticParams(-1, 10, 1e-6))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("l2: expected a number >= 0, got -1.0");
    }

    @Test
    void linearParsesAndNamesBadInput() {
        assertThat(LinearParams.defaults().l2()).isZero();
        assertThat(LinearParams.fromMap(Map.of("l2", "3"))).isEqualTo(new LinearParams(3));
        assertThat(LinearParams.defaults().withL2(2).toMap()).containsExactly(Map.entry("l2", 2.0), Map.entry("alpha", 0.0),
                Map.entry("l1_ratio", 0.5), Map.entry("cv_folds", 0), Map.entry("path_length", 100),
                Map.entry("lambda_min_ratio", 1e-3), Map.entry("max_iter", 1000), Map.entry("tolerance", 1e-7));
        assertThat(LinearParams.fromMap(Map.of("alpha", "0.5", "l1_ratio", "1"))).isEqualTo(LinearParams.defaults().withAlpha(0.5).withL1Ratio(1));
        assertThatThrownBy(() -> LinearParams.fromMap(Map.of("l2", "-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("l2: expected a number >= 0.0, got '-1'");
        assertThatThrownBy(() -> LinearParams.fromMap(Map.of("lambda", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown parameter 'lambda' for linear (known: l2, alpha, "
                        + "l1_ratio, cv_folds, path_length, lambda_min_ratio, max_iter, tolerance)");
        assertThatThrownBy(() -> LinearParams.fromMap(Map.of("l1_ratio", "1.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("l1_ratio: expected a number in [0, 1], got 1.5");
        assertThatThrownBy(() -> LinearParams.fromMap(Map.of("alpha", "0.1", "cv_folds", "5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("alpha: give alpha or cv_folds");
        assertThatThrownBy(() -> LinearParams.fromMap(Map.of("l2", "1", "alpha", "0.1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("l2: the closed-form ridge penalty does not combine");
        assertThatThrownBy(() -> LinearParams.fromMap(Map.of("cv_folds", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cv_folds: expected 0");
    }
}
