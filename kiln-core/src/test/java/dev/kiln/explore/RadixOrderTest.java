package dev.kiln.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The radix order sorts like {@link Arrays#sort}, keeps ties in index order and skips missing values. */
class RadixOrderTest {
    @Test
    void ordersPresentValuesStablyAndGivesThemSorted() {
        Random random = new Random(7);
        double[] values = new double[20_000];
        for (int i = 0; i < values.length; i++) {
            int kind = random.nextInt(20);
            values[i] = kind == 0 ? Double.NaN : kind == 1 ? -0.0 : kind == 2 ? 0.0 : kind == 3 ? Double.NEGATIVE_INFINITY
                    : kind == 4 ? Math.round(random.nextGaussian()) : random.nextGaussian() * 1e-3 * (kind % 2 == 0 ? 1 : 1e12);
        }
        double[] sorted = new double[values.length];
        int[] order = RadixOrder.of(values, sorted);
        double[] expected = Arrays.stream(values).filter(v -> !Double.isNaN(v)).map(v -> v == 0.0 ? 0.0 : v).sorted().toArray();
        assertThat(order).hasSize(expected.length);
        assertThat(Arrays.copyOf(sorted, expected.length)).containsExactly(expected);
        for (int k = 1; k < order.length; k++) {
            double a = values[order[k - 1]];
            double b = values[order[k]];
            assertThat(a <= b).isTrue();
            if (a == b) {
                assertThat(order[k - 1]).isLessThan(order[k]); // ties keep index order
            }
        }
    }
}
