package dev.kiln.learn.glm;

import dev.kiln.data.Checks;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * A fixed partition of {@code rows} into consecutive blocks of {@link #BLOCK_ROWS} rows (the last one
 * shorter), and a way to run a task on every block on up to {@code threads} threads of its own
 * {@link ForkJoinPool}.
 *
 * <p>The partition does not depend on the thread count, so a caller that writes one partial result per
 * block and then sums the partials in block order gets the same bits with any number of threads. With
 * one thread the blocks run in order on the caller's thread and no pool is started. Close it to stop
 * the pool's threads. One {@link #forEach} at a time.
 */
final class RowBlocks implements AutoCloseable {
    /** Rows per block: small enough that a block's slice of some dozens of feature columns stays in L2 cache. */
    static final int BLOCK_ROWS = 2048;

    /** Work on the rows {@code [from, to)} of block number {@code block}. */
    @FunctionalInterface
    interface BlockTask {
        void run(int block, int from, int to);
    }

    private final int rows;
    private final int count;
    private final ForkJoinPool pool;

    RowBlocks(int rows, int threads) {
        Checks.checkArgument(rows >= 0, "rows must be >= 0: %s", rows);
        Checks.checkArgument(threads >= 1, "threads must be >= 1: %s", threads);
        this.rows = rows;
        this.count = (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
        this.pool = threads > 1 && count > 1 ? new ForkJoinPool(Math.min(threads, count)) : null;
    }

    /** The number of blocks. */
    int count() {
        return count;
    }

    /** Runs {@code task} once for every block, in parallel when there are threads; returns when all are done. */
    void forEach(BlockTask task) {
        if (pool == null) {
            for (int block = 0; block < count; block++) {
                run(task, block);
            }
            return;
        }
        pool.invoke(new Range(task, 0, count));
    }

    private void run(BlockTask task, int block) {
        int from = block * BLOCK_ROWS;
        task.run(block, from, Math.min(rows, from + BLOCK_ROWS));
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }

    /** The blocks {@code [first, end)}, halved until one block is left. */
    private final class Range extends RecursiveAction {
        private final transient BlockTask task;
        private final int first;
        private final int end;

        Range(BlockTask task, int first, int end) {
            this.task = task;
            this.first = first;
            this.end = end;
        }

        @Override
        protected void compute() {
            if (end - first == 1) {
                run(task, first);
                return;
            }
            int middle = (first + end) >>> 1;
            invokeAll(new Range(task, first, middle), new Range(task, middle, end));
        }
    }
}
