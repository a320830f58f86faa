package dev.kiln.learn.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CartParamsTest {

    @Test
    void defaultsAndParsing() {
        assertThat(CartParams.defaults()).isEqualTo(new CartParams(10, 2, 5));
        assertThat(CartParams.fromMap(Map.of("max_depth", "3", "min_samples_leaf", "1")))
                .isEqualTo(new CartParams(3, 2, 1));
        assertThat(CartParams.defaults().toMap()).containsExactly(
                Map.entry("max_depth", 10), Map.entry("min_samples_split", 2), Map.entry("min_samples_leaf", 5));
    }

    @Test
    void namesTheKeyAndValueOfBadInput() {
        assertThatThrownBy(() -> CartParams.fromMap(Map.of("max_depth", "abc")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("max_depth: expected an integer >= 1, got 'abc'");
        assertThatThrownBy(() -> CartParams.fromMap(Map.of("min_samples_split", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("min_samples_split: expected an integer >= 2, got '1'");
        assertThatThrownBy(() -> CartParams.fromMap(Map.of("min_samples_leaf", "2.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("min_samples_leaf: expected an integer >= 1, got '2.5'");
        assertThatThrownBy(() -> CartParams.fromMap(Map.of("foo", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown parameter 'foo' for tree (known: max_depth, min_samples_split, min_samples_leaf)");
        assertThatThrownBy(() -> new CartParams(0, 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("max_depth: expected an integer >= 1, got 0");
        assertThatThrownBy(() -> CartParams.defaults().withMinSamplesLeaf(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min_samples_leaf");
    }
}
