package dev.kiln.learn.cluster;

import dev.kiln.learn.ParallelLoop;
import java.util.concurrent.ForkJoinPool;

/**
 * Fixed blocks of {@value #ROWS} consecutive rows and a pool to run them on: the partition depends on the
 * row count only, never on the thread count, so per-block partial results summed in block order give
 * the same bits with any number of threads. Close it to stop the pool. One loop at a time.
 */
final class Blocks implements AutoCloseable {
    /** Rows per block. */
    static final int ROWS = 4096;

    private final int rows;
    private final int count;
    private final ForkJoinPool pool;

    Blocks(int rows, int threads) {
        this.rows = rows;
        this.count = Math.max(1, (rows + ROWS - 1) / ROWS);
        this.pool = threads > 1 && count > 1 ? new ForkJoinPool(threads) : null;
    }

    int count() {
        return count;
    }

    /** Runs {@code body} on every block; {@code part} is the block number. */
    void run(ParallelLoop.Body body) {
        ParallelLoop.run(pool, count, count, (part, from, to) -> {
            for (int block = from; block < to; block++) {
                body.run(block, block * ROWS, Math.min(rows, (block + 1) * ROWS));
            }
        });
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
