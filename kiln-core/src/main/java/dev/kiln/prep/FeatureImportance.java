package dev.kiln.prep;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;

/**
 * How much each feature helps a model predict the target, for selection by model importance
 * ({@link FeatureSelector}). An interface because preparation may not depend on the learners: the
 * workflow, which may, supplies one that fits a small model. It is called from {@code fit}, so it
 * sees the training rows only (inside each fold during tuning), and the fitted step keeps only the
 * names it drops: serving never needs the model.
 */
@FunctionalInterface
public interface FeatureImportance {

    /**
     * One score per column of {@code features} (numeric, possibly with missing values), in column
     * order, at least 0, higher meaning more useful; {@code target} has the same rows. Deterministic
     * for the same rows. Leaves both unchanged.
     */
    double[] score(Frame features, Column target);
}
