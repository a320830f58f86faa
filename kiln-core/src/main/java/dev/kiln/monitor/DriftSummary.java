package dev.kiln.monitor;

import dev.kiln.data.Checks;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import java.util.List;

/**
 * Drift of one window of new data against a training reference: every feature's verdict, the share of features
 * that drifted, whether that share reaches the dataset-level threshold, the largest PSI, and the drift of the
 * predictions (null when unknown). Immutable.
 */
public record DriftSummary(int rows, List<DriftReference.FeatureDrift> features, double driftShare, boolean datasetDrift,
                           double maxPsi, DriftReference.FeatureDrift prediction) {
    public DriftSummary {
        features = List.copyOf(features);
    }

    /**
     * Compares {@code inputs} (conformed to the training kinds) and {@code predictions} (may be null) with
     * {@code reference} by {@code method}; the data drifted as a whole when at least {@code share} of features did.
     * Cost: one sort per numeric feature, one pass per categorical one.
     */
    public static DriftSummary of(DriftReference reference, Frame inputs, Column predictions, DriftMethod method, double share) {
        return of(reference, inputs, predictions, method, share, null);
    }

    /** As {@link #of(DriftReference, Frame, Column, DriftMethod, double)}, features judged in parallel on {@code pool}. */
    public static DriftSummary of(DriftReference reference, Frame inputs, Column predictions, DriftMethod method, double share,
                                  java.util.concurrent.ForkJoinPool pool) {
        Checks.checkArgument(share > 0 && share <= 1, "share must be in (0, 1]: %s", share);
        List<DriftReference.FeatureDrift> features = reference.compare(inputs, method, pool);
        long drifted = features.stream().filter(DriftReference.FeatureDrift::drifted).count();
        double maxPsi = features.stream().mapToDouble(DriftReference.FeatureDrift::psi).max().orElse(0);
        DriftReference.FeatureDrift prediction = predictions == null ? null : reference.comparePrediction(predictions, method);
        return new DriftSummary(inputs.rowCount(), features, features.isEmpty() ? 0 : (double) drifted / features.size(),
                DriftReference.datasetDrift(features, share), maxPsi, prediction);
    }

    /** The features that drifted, in reference order. */
    public List<String> drifted() {
        return features.stream().filter(DriftReference.FeatureDrift::drifted).map(DriftReference.FeatureDrift::feature).toList();
    }
}
