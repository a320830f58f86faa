package dev.kiln.tune;

import dev.kiln.learn.SearchSpace;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Proposes the hyper-parameters of the next trial over a {@link SearchSpace}. A point is a map from spec
 * keys to spec strings, as {@code Learners.create} reads it. A proposal depends only on the trial number,
 * the trials already finished (in index order) and the given random generator, never on timing, so a
 * search gives the same proposals with one thread or many.
 */
public sealed interface Sampler permits GridSampler, RandomSampler, TpeSampler {

    /** The point for trial {@code index}, given the finished trials of the same learner (index order). */
    Map<String, String> propose(int index, List<Trial> history, SplittableRandom random);

    /** How many distinct points this sampler can give, {@link Integer#MAX_VALUE} when unbounded. */
    default int size() {
        return Integer.MAX_VALUE;
    }
}
