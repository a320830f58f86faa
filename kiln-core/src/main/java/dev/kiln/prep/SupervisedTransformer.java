package dev.kiln.prep;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;

/**
 * An unfitted step that learns from the target as well (target encoding, feature selection by mutual
 * information). {@code fit} sees the training features and the training target only; the result also
 * holds the training output, which may differ from {@code fitted.apply(train)} where applying the
 * full-training state to the training rows would leak (target encoding uses out-of-fold values).
 */
public interface SupervisedTransformer {

    /** Fits on {@code train} and {@code target} (same rows), leaving both unchanged. */
    Result fit(Frame train, Column target);

    /** A fitted step and what it makes of the training rows. */
    record Result(FittedTransformer fitted, Frame trainOutput) {
    }
}
