package dev.kiln.explore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import org.junit.jupiter.api.Test;

class ProfileJsonTest {

    @Test
    void profileSerialisesToJsonWithJackson() throws Exception {
        Frame frame = Frame.of(
                NumericColumn.of("x", new double[] {1, 2, Double.NaN, 4, 10}),
                CategoricalColumn.ofLabels("y", new String[] {"a", "b", "a", "a", null}));
        ObjectMapper mapper = new ObjectMapper();
        JsonNode json = mapper.readTree(mapper.writeValueAsString(Profiler.profile(frame, "y")));

        assertThat(json.get("rows").asInt()).isEqualTo(5);
        assertThat(json.get("columns").asInt()).isEqualTo(2);
        JsonNode x = json.get("columnProfiles").get(0);
        assertThat(x.get("name").asText()).isEqualTo("x");
        assertThat(x.get("kind").asText()).isEqualTo("numeric");
        assertThat(x.get("missing").asInt()).isEqualTo(1);
        assertThat(x.get("mean").asDouble()).isEqualTo(4.25);
        assertThat(x.get("quantiles").get("p50").asDouble()).isEqualTo(3.0);
        assertThat(x.get("top").isNull()).isTrue();
        JsonNode y = json.get("columnProfiles").get(1);
        assertThat(y.get("top").get(0).get("label").asText()).isEqualTo("a");
        assertThat(y.get("top").get(0).get("count").asInt()).isEqualTo(3);
        JsonNode target = json.get("target");
        assertThat(target.get("name").asText()).isEqualTo("y");
        assertThat(target.get("suggestedTask").asText()).isEqualTo("binary");
        assertThat(target.get("classCounts").get("a").asInt()).isEqualTo(3);
        assertThat(target.get("classCounts").get("b").asInt()).isEqualTo(1);
    }

    @Test
    void nonFiniteStatisticsBecomeJsonNull() throws Exception {
        Frame frame = Frame.of(NumericColumn.of("x", new double[] {1, Double.POSITIVE_INFINITY}));
        ObjectMapper mapper = new ObjectMapper();
        String text = mapper.writeValueAsString(Profiler.profile(frame, null));
        JsonNode x = mapper.readTree(text).get("columnProfiles").get(0);
        assertThat(x.get("max").isNull()).isTrue();
        assertThat(x.get("mean").isNull()).isTrue();
        assertThat(x.get("min").asDouble()).isEqualTo(1.0);
        assertThat(text).doesNotContain("Infinity").doesNotContain("NaN");
    }
}
