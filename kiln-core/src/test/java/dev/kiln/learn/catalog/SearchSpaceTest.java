package dev.kiln.learn.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.learn.SearchSpace;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

    @Test
    void everyLearnersSpaceIsValidAtItsCorners() {
        for (String name : Learners.names()) {
            SearchSpace space = Learners.space(name);
            assertThat(space.dimensions()).as(name).isNotEmpty();
            for (boolean low : new boolean[] {true, false}) {
                Map<String, String> point = new HashMap<>();
                for (SearchSpace.Dimension d : space.dimensions()) {
                    point.put(d.key(), corner(d, low));
                }
                assertThat(space.covers(point)).isTrue();
                assertThat(Learners.create(name, point).params()).as(name + " " + point).isNotEmpty();
            }
        }
    }

    private static String corner(SearchSpace.Dimension d, boolean low) {
        if (d instanceof SearchSpace.IntRange r) {
            return Integer.toString(low ? r.min() : r.max());
        }
        if (d instanceof SearchSpace.RealRange r) {
            return Double.toString(low ? r.min() : r.max());
        }
        var values = ((SearchSpace.Choice) d).values();
        return low ? values.get(0) : values.get(values.size() - 1);
    }

    @Test
    void rejectsBadDimensions() {
        assertThatThrownBy(() -> SearchSpace.logReals("l2", 0, 1)).hasMessageContaining("l2");
        assertThatThrownBy(() -> SearchSpace.ints("max_depth", 5, 2)).hasMessageContaining("max_depth");
        assertThatThrownBy(() -> SearchSpace.of(SearchSpace.ints("a", 1, 2), SearchSpace.ints("a", 1, 3)))
                .hasMessageContaining("duplicate");
    }
}
