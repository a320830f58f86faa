package dev.kiln.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Runs a batch of trials side by side on a fork/join pool of {@code threads} workers (inline with one), each
 * trial fitting its folds one after another on a single thread. Results come back in proposal order, and a
 * trial sees only what was fixed before the batch started (its pruner, its seed), so the batch gives the same
 * trials with one thread or many. Closing shuts the pool down.
 */
final class TrialRunner implements AutoCloseable {
    private final CrossValidation cv;
    private final long seed;
    private final ForkJoinPool pool;

    TrialRunner(CrossValidation cv, long seed, int threads) {
        this.cv = cv;
        this.seed = seed;
        this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
    }

    List<Trial> run(List<Proposal> batch, CrossValidation.Pruner pruner, long deadlineNanos, boolean keepOutOfFold) {
        List<Trial> out = new ArrayList<>(batch.size());
        if (pool == null || batch.size() == 1) {
            for (Proposal p : batch) {
                out.add(evaluate(p, pruner, deadlineNanos, keepOutOfFold));
            }
            return out;
        }
        List<ForkJoinTask<Trial>> tasks = new ArrayList<>(batch.size());
        for (Proposal p : batch) {
            tasks.add(pool.submit(() -> evaluate(p, pruner, deadlineNanos, keepOutOfFold)));
        }
        for (ForkJoinTask<Trial> task : tasks) {
            out.add(task.join());
        }
        return out;
    }

    private Trial evaluate(Proposal p, CrossValidation.Pruner pruner, long deadlineNanos, boolean keepOutOfFold) {
        return cv.evaluate(p.index(), p.learner(), p.params(), seed, p.rowFraction(), pruner, deadlineNanos, keepOutOfFold);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
