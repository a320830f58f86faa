package dev.kiln.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a batch of trials side by side on a fork/join pool of {@code threads} workers, each trial fitting its
 * folds one after another. Results come back in proposal order, and a trial sees only what was fixed before
 * the batch started (its pruner, its seed), so the batch gives the same trials with one thread or many.
 * With a hard deadline, a trial still running at it is abandoned and reported {@link TrialStatus#TIMED_OUT}
 * (a fit cannot be interrupted; its thread finishes in the background and its result is dropped). Closing
 * shuts the pool down.
 */
final class TrialRunner implements AutoCloseable {
    private final CrossValidation cv;
    private final long seed;
    private final ForkJoinPool pool;

    TrialRunner(CrossValidation cv, long seed, int threads) {
        this.cv = cv;
        this.seed = seed;
        this.pool = new ForkJoinPool(Math.max(1, threads));
    }

    /**
     * @param deadlineNanos no fold starts after it (see {@link CrossValidation#evaluate})
     * @param abandonNanos a trial still running at this {@link System#nanoTime()} is abandoned; {@link Long#MAX_VALUE} waits
     */
    List<Trial> run(List<Proposal> batch, CrossValidation.Pruner pruner, long deadlineNanos, long abandonNanos,
                    boolean keepOutOfFold) {
        long started = System.nanoTime();
        List<ForkJoinTask<Trial>> tasks = new ArrayList<>(batch.size());
        for (Proposal p : batch) {
            tasks.add(pool.submit(() -> cv.evaluate(p.index(), p.learner(), p.params(), seed, p.rowFraction(), pruner,
                    deadlineNanos, keepOutOfFold)));
        }
        List<Trial> out = new ArrayList<>(batch.size());
        for (int i = 0; i < tasks.size(); i++) {
            ForkJoinTask<Trial> task = tasks.get(i);
            if (abandonNanos == Long.MAX_VALUE) {
                out.add(task.join());
                continue;
            }
            try {
                out.add(task.get(Math.max(0, abandonNanos - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                task.cancel(true);
                Proposal p = batch.get(i);
                out.add(new Trial(p.index(), p.learner(), p.params(), p.rowFraction(), TrialStatus.TIMED_OUT,
                        CvResult.of(List.of()), Double.NaN, Double.NaN, (System.nanoTime() - started) / 1e9, Double.NaN, null,
                        "abandoned at the budget before its first fold ended"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for trial " + batch.get(i).index(), e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        return out;
    }

    /** {@link #run(List, CrossValidation.Pruner, long, long, boolean)} waiting for every trial. */
    List<Trial> run(List<Proposal> batch, CrossValidation.Pruner pruner, long deadlineNanos, boolean keepOutOfFold) {
        return run(batch, pruner, deadlineNanos, Long.MAX_VALUE, keepOutOfFold);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
