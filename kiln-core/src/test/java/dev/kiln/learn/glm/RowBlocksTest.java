package dev.kiln.learn.glm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class RowBlocksTest {
    @Test
    void everyRowIsInExactlyOneBlockWhateverTheThreads() {
        int n = 3 * RowBlocks.BLOCK_ROWS + 5;
        for (int threads : new int[] {1, 2, 8}) {
            AtomicIntegerArray seen = new AtomicIntegerArray(n);
            int[] blockOf = new int[n];
            try (RowBlocks rows = new RowBlocks(n, threads)) {
                assertThat(rows.count()).isEqualTo(4);
                rows.forEach((block, from, to) -> {
                    for (int i = from; i < to; i++) {
                        seen.incrementAndGet(i);
                        blockOf[i] = block;
                    }
                });
            }
            for (int i = 0; i < n; i++) {
                assertThat(seen.get(i)).isEqualTo(1);
                assertThat(blockOf[i]).isEqualTo(i / RowBlocks.BLOCK_ROWS);
            }
        }
    }

    @Test
    void noRowsNoBlocksAndATaskFailurePropagates() {
        try (RowBlocks empty = new RowBlocks(0, 2)) {
            assertThat(empty.count()).isZero();
            empty.forEach((block, from, to) -> {
                throw new AssertionError("no block expected");
            });
        }
        try (RowBlocks rows = new RowBlocks(4 * RowBlocks.BLOCK_ROWS, 2)) {
            assertThatThrownBy(() -> rows.forEach((block, from, to) -> {
                if (block == 2) {
                    throw new IllegalStateException("block 2 failed");
                }
            })).hasMessageContaining("block 2 failed");
        }
    }
}
