package dev.kiln.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TextColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentBufferTest {
    private static Frame batch(double[] numbers, int[] codes, List<String> levels, String[] keys) {
        return Frame.of(NumericColumn.of(LogColumns.NUMBER, numbers), CategoricalColumn.of("c", codes, levels),
                TextColumn.of(LogColumns.KEY, keys));
    }

    @Test
    void appendsBatchesMergingLevelsAndGrowingPastItsFirstCapacity() {
        SegmentBuffer buffer = new SegmentBuffer(batch(new double[0], new int[0], List.of("a"), new String[0]), 2);
        buffer.append(batch(new double[] {3, 1}, new int[] {0, 1}, List.of("a", "b"), new String[] {"k3", null}));
        buffer.append(batch(new double[] {2, 5, 4}, new int[] {1, -1, 0}, List.of("b", "z"), new String[] {"k2", "k5", "k4"}));
        assertThat(buffer.rows()).isEqualTo(5);
        Frame all = buffer.frame();
        assertThat(all.numeric(LogColumns.NUMBER).toArray()).containsExactly(3, 1, 2, 5, 4);
        assertThat(List.of(all.column("c").format(0), all.column("c").format(1), all.column("c").format(2),
                all.column("c").format(4))).containsExactly("a", "b", "z", "b");
        assertThat(all.column("c").isMissing(3)).isTrue();

        Frame sorted = buffer.sortedBy(LogColumns.NUMBER);
        assertThat(sorted.numeric(LogColumns.NUMBER).toArray()).containsExactly(1, 2, 3, 4, 5);
        assertThat(sorted.column(LogColumns.KEY).format(2)).isEqualTo("k3");
        assertThat(sorted.column(LogColumns.KEY).isMissing(0)).isTrue();

        assertThat(buffer.lastRows(LogColumns.NUMBER, java.util.Set.of(5L, 1L, 9L))).containsOnly(
                java.util.Map.entry(5L, 3), java.util.Map.entry(1L, 1));
        Frame picked = buffer.rows(new int[] {4, 0});
        assertThat(picked.numeric(LogColumns.NUMBER).toArray()).containsExactly(4, 3);
        assertThat(buffer.columns(List.of(LogColumns.KEY)).names()).containsExactly(LogColumns.KEY);
    }

    @Test
    void aBatchWithoutAColumnLeavesItMissingAndClearReusesTheBuffer() {
        Frame first = batch(new double[] {1}, new int[] {0}, List.of("a"), new String[] {"x"});
        SegmentBuffer buffer = new SegmentBuffer(first, 4);
        buffer.append(first);
        buffer.append(Frame.of(NumericColumn.of(LogColumns.NUMBER, new double[] {2})));
        Frame all = buffer.frame();
        assertThat(all.column("c").isMissing(1)).isTrue();
        assertThat(all.column(LogColumns.KEY).isMissing(1)).isTrue();

        assertThat(buffer.fits(first)).isTrue();
        assertThat(buffer.fits(Frame.of(NumericColumn.of(LogColumns.NUMBER, new double[] {2})))).isFalse();
        buffer.clear();
        assertThat(buffer.rows()).isZero();
        buffer.append(batch(new double[] {7}, new int[] {0}, List.of("q"), new String[] {null}));
        Frame again = buffer.frame();
        assertThat(again.numeric(LogColumns.NUMBER).toArray()).containsExactly(7);
        assertThat(((CategoricalColumn) again.column("c")).levels()).containsExactly("q");
        assertThat(again.column(LogColumns.KEY).isMissing(0)).isTrue();
    }
}
