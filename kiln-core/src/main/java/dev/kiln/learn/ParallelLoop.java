package dev.kiln.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a loop body over {@code [0, count)} split into a given number of contiguous parts, on a
 * {@link ForkJoinPool} (inside the pool by work stealing; from outside, the caller and the pool's
 * workers take parts from a shared counter; nothing spins). The split depends only on
 * the arguments, never on the pool, so a body whose parts write disjoint outputs gives the same
 * result with one thread or many. A null pool or a single part runs inline on the caller's thread.
 */
public final class ParallelLoop {
    /** The body of a loop over the half-open range {@code [from, to)}; {@code part} numbers the range. */
    @FunctionalInterface
    public interface Body {
        void run(int part, int from, int to);
    }

    private ParallelLoop() {
    }

    /** Runs {@code body} over {@code parts} contiguous parts of {@code [0, count)}. */
    public static void run(ForkJoinPool pool, int count, int parts, Body body) {
        int n = Math.max(1, Math.min(parts, count));
        if (pool == null || n == 1) {
            for (int p = 0; p < n; p++) {
                body.run(p, start(count, n, p), start(count, n, p + 1));
            }
            return;
        }
        if (ForkJoinTask.inForkJoinPool()) {
            List<RecursiveAction> tasks = new ArrayList<>(n);
            for (int p = 0; p < n; p++) {
                int part = p;
                tasks.add(new RecursiveAction() {
                    @Override
                    protected void compute() {
                        body.run(part, start(count, n, part), start(count, n, part + 1));
                    }
                });
            }
            ForkJoinTask.invokeAll(tasks);
            return;
        }
        // From outside the pool the caller works too: it and the helpers take parts from one counter.
        // The common pool leaves a core to its callers; a private pool of k workers gets k - 1 helpers.
        AtomicInteger next = new AtomicInteger();
        Runnable runner = () -> {
            for (int p = next.getAndIncrement(); p < n; p = next.getAndIncrement()) {
                body.run(p, start(count, n, p), start(count, n, p + 1));
            }
        };
        int parallelism = pool.getParallelism();
        int helpers = Math.min(n - 1, pool == ForkJoinPool.commonPool() ? parallelism : Math.max(1, parallelism - 1));
        List<ForkJoinTask<?>> submitted = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) {
            submitted.add(pool.submit(runner));
        }
        runner.run();
        for (ForkJoinTask<?> task : submitted) {
            task.join();
        }
    }

    /** The first index of part {@code p} of {@code n} over {@code [0, count)}. */
    public static int start(int count, int n, int p) {
        return (int) ((long) count * p / n);
    }
}
