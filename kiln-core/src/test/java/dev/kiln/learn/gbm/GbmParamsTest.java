package dev.kiln.learn.gbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GbmParamsTest {

    @Test
    void parsesSpecStringsAndRoundTrips() {
        GbmParams params = GbmParams.fromMap(Map.of("trees", "50", "learning_rate", "0.3", "max_depth", "6",
                "categorical", "a, b", "loss", "huber", "subsample", "0.5"));
        assertThat(params.trees()).isEqualTo(50);
        assertThat(params.maxDepth()).isEqualTo(6);
        assertThat(params.categorical()).containsExactly("a", "b");
        assertThat(params.maxLeaves()).isEqualTo(31);
        Map<String, String> strings = new java.util.HashMap<>();
        params.toMap().forEach((k, v) -> strings.put(k, String.valueOf(v)));
        assertThat(GbmParams.fromMap(strings)).isEqualTo(params);
        assertThat(GbmParams.fromMap(Map.of())).isEqualTo(GbmParams.defaults());
    }

    @Test
    void rejectsBadValuesNamingTheKey() {
        assertThatThrownBy(() -> GbmParams.fromMap(Map.of("max_bins", "300"))).hasMessageContaining("max_bins").hasMessageContaining("300");
        assertThatThrownBy(() -> GbmParams.fromMap(Map.of("subsample", "1.5"))).hasMessageContaining("subsample");
        assertThatThrownBy(() -> GbmParams.fromMap(Map.of("learning_rate", "abc"))).hasMessageContaining("learning_rate");
        assertThatThrownBy(() -> GbmParams.fromMap(Map.of("nope", "1"))).hasMessageContaining("'nope'");
        assertThatThrownBy(() -> GbmParams.defaults().withCategorical(List.of()).withTreeShape(0, 1)).hasMessageContaining("max_leaves");
    }
}
