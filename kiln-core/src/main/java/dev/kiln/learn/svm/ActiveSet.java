package dev.kiln.learn.svm;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The variables SMO still optimises (libsvm's active set, which shrinking narrows), kept in ascending
 * order, and the distinct kernel rows they use, ascending too: the targets a partial kernel row is
 * computed on. The hot loops read {@link #variables()} directly. Not thread-safe; owned by one solver.
 */
final class ActiveSet {
    private final int[] real;
    private final int[] variables;
    private final boolean[] member;
    private final int[] reals;
    private final boolean[] mark;
    private int size;
    private int realCount;

    /** All of the {@code real.length} variables, variable {@code k} using kernel row {@code real[k]} of {@code rows}. */
    ActiveSet(int[] real, int rows) {
        this.real = real;
        this.variables = new int[real.length];
        this.member = new boolean[real.length];
        this.reals = new int[rows];
        this.mark = new boolean[rows];
        reset();
    }

    /** How many variables are active; {@link #variables()} holds them in its first {@code size()} places. */
    int size() {
        return size;
    }

    /** Whether every variable is active. */
    boolean complete() {
        return size == variables.length;
    }

    /** The active variables, ascending, in the first {@link #size()} places; callers must not modify it. */
    int[] variables() {
        return variables;
    }

    boolean contains(int variable) {
        return member[variable];
    }

    /** The kernel rows of the active variables, ascending, in the first {@link #realCount()} places. */
    int[] reals() {
        return reals;
    }

    int realCount() {
        return realCount;
    }

    /** Drops the active variables for which {@code shrinkable} holds; returns whether any was dropped. */
    boolean removeIf(IntPredicate shrinkable) {
        int kept = 0;
        for (int a = 0; a < size; a++) {
            int t = variables[a];
            if (shrinkable.test(t)) {
                member[t] = false;
            } else {
                variables[kept++] = t;
            }
        }
        if (kept == size) {
            return false;
        }
        size = kept;
        refreshReals();
        return true;
    }

    /** Makes every variable active again. */
    void reset() {
        for (int k = 0; k < variables.length; k++) {
            variables[k] = k;
            member[k] = true;
        }
        size = variables.length;
        refreshReals();
    }

    private void refreshReals() {
        Arrays.fill(mark, false);
        for (int a = 0; a < size; a++) {
            mark[real[variables[a]]] = true;
        }
        int count = 0;
        for (int r = 0; r < mark.length; r++) {
            if (mark[r]) {
                reals[count++] = r;
            }
        }
        realCount = count;
    }
}
