package dev.kiln.tune;

import java.util.Map;
import java.util.Objects;

/**
 * One evaluated configuration: its number in the search, the learner and its hyper-parameters (spec
 * strings; absent keys are defaults), the share of each fold's training rows it was fitted on, how it
 * ended, its cross-validated scores, the selection metric's mean and standard deviation, seconds spent
 * fitting (all folds), seconds per predicted row, and its out-of-fold predictions (null unless kept).
 * Immutable by convention: the out-of-fold array is never modified after construction.
 */
public record Trial(int index, String learner, Map<String, String> params, double rowFraction, TrialStatus status,
                    CvResult cv, double score, double scoreStd, double fitSeconds, double predictSecondsPerRow,
                    OutOfFold outOfFold, String error) {
    public Trial {
        Objects.requireNonNull(learner, "learner");
        params = Map.copyOf(params);
        Objects.requireNonNull(status, "status");
    }

    /** Whether this trial scored every fold on all its rows, so it may win and join an ensemble. */
    public boolean isComplete() {
        return status == TrialStatus.COMPLETE;
    }

    /** This trial without its out-of-fold predictions, to free memory. */
    public Trial withoutOutOfFold() {
        return new Trial(index, learner, params, rowFraction, status, cv, score, scoreStd, fitSeconds, predictSecondsPerRow,
                null, error);
    }

    /** {@code learner} alone, or {@code learner(k=v, ...)} with the keys sorted. */
    public String label() {
        if (params.isEmpty()) {
            return learner;
        }
        return learner + params.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).toList().toString().replace('[', '(').replace(']', ')');
    }
}
