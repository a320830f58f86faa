package dev.kiln.learn.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * Runs a loop body over {@code [0, count)} split into a given number of contiguous parts, on a
 * {@link ForkJoinPool} (work stealing; the caller joins, nothing spins). The split depends only on
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
        List<RecursiveAction> tasks = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            int part = p;
            int from = start(count, n, p);
            int to = start(count, n, p + 1);
            tasks.add(new RecursiveAction() {
                @Override
                protected void compute() {
                    body.run(part, from, to);
                }
            });
        }
        if (ForkJoinTask.inForkJoinPool()) {
            ForkJoinTask.invokeAll(tasks);
        } else {
            pool.invoke(new RecursiveAction() {
                @Override
                protected void compute() {
                    ForkJoinTask.invokeAll(tasks);
                }
            });
        }
    }

    /** The first index of part {@code p} of {@code n} over {@code [0, count)}. */
    public static int start(int count, int n, int p) {
        return (int) ((long) count * p / n);
    }
}
