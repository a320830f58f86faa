package dev.kiln.monitor;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.Frame;
import dev.kiln.data.InvalidDataException;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * The training reference for drift, fitted on the raw training features: one {@link FeatureReference}
 * per numeric, categorical or boolean feature, the distribution of the model's predictions on held-out
 * rows (null when unknown), and the thresholds that turn a PSI into a status. Immutable.
 */
public record DriftReference(List<FeatureReference> features, FeatureReference prediction, double warn, double alert) {
    public DriftReference {
        features = List.copyOf(features);
    }

    /**
     * Drift of one feature: its PSI and PSI status ({@code ok}, {@code warn} or {@code alert}), and the
     * verdict of the chosen method: its label, statistic, p-value (NaN for distances) and whether it
     * says the feature drifted.
     */
    public record FeatureDrift(String feature, double psi, String status, String method, double statistic,
                               double pValue, boolean drifted) {
    }

    /** The reference of every trackable column of {@code train}, and of {@code predictions} if not null. */
    public static DriftReference fit(Frame train, Column predictions, double warn, double alert) {
        List<FeatureReference> features = new ArrayList<>();
        for (Column column : train.columns()) {
            FeatureReference reference = FeatureReference.fit(column);
            if (reference != null) {
                features.add(reference);
            }
        }
        FeatureReference prediction = predictions == null ? null : FeatureReference.fit(predictions);
        return new DriftReference(features, prediction, warn, alert);
    }

    /** PSI of every referenced feature in {@code data}, and the automatic method's verdict. */
    public List<FeatureDrift> compare(Frame data) {
        return compare(data, DriftMethod.AUTO);
    }

    /**
     * PSI and the verdict of {@code method} for every referenced feature in {@code data}, in reference
     * order. The data must hold each feature with its training kind (see {@code Pipeline.conform}).
     */
    public List<FeatureDrift> compare(Frame data, DriftMethod method) {
        return compare(data, method, null);
    }

    /**
     * As {@link #compare(Frame, DriftMethod)}, the features judged in parallel on {@code pool} (null: on the caller's
     * thread); each feature's verdict depends only on its column, so the result is the same with any pool.
     */
    public List<FeatureDrift> compare(Frame data, DriftMethod method, java.util.concurrent.ForkJoinPool pool) {
        for (FeatureReference reference : features) {
            check(data, reference);
        }
        FeatureDrift[] out = new FeatureDrift[features.size()];
        if (pool == null || features.size() < 2) {
            for (int i = 0; i < out.length; i++) {
                out[i] = FeatureComparison.compare(features.get(i), data.column(features.get(i).name()), method, warn, alert);
            }
            return List.of(out);
        }
        // The caller and the pool's workers take features from one counter; nothing spins, each writes its own slot.
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Runnable runner = () -> {
            for (int f = next.getAndIncrement(); f < out.length; f = next.getAndIncrement()) {
                out[f] = FeatureComparison.compare(features.get(f), data.column(features.get(f).name()), method, warn, alert);
            }
        };
        List<java.util.concurrent.ForkJoinTask<?>> helpers = new ArrayList<>();
        for (int h = 0; h < Math.min(pool.getParallelism(), out.length - 1); h++) {
            helpers.add(pool.submit(runner));
        }
        runner.run();
        helpers.forEach(java.util.concurrent.ForkJoinTask::join);
        return List.of(out);
    }

    private static void check(Frame data, FeatureReference reference) {
        if (!data.has(reference.name())) {
            throw new InvalidDataException("missing column '" + reference.name() + "' needed for drift");
        }
        Column column = data.column(reference.name());
        boolean numeric = reference.kind() == ColumnKind.NUMERIC;
        if (numeric != (column instanceof NumericColumn) || (!numeric && !(column instanceof CategoricalColumn))) {
            throw new InvalidDataException("column '" + reference.name() + "' is " + column.kind().label()
                    + ", expected " + reference.kind().label());
        }
    }

    /**
     * Drift of the model's predictions ({@code predictions}: the class labels, categorical, or the values, numeric)
     * against the reference's prediction distribution; null when the reference has none or the kinds differ.
     */
    public FeatureDrift comparePrediction(Column predictions, DriftMethod method) {
        if (prediction == null || (prediction.kind() == ColumnKind.NUMERIC) != (predictions instanceof NumericColumn)) {
            return null;
        }
        return FeatureComparison.compare(prediction, predictions, method, warn, alert);
    }

    /** Whether the data as a whole drifted: at least {@code share} of the features did. */
    public static boolean datasetDrift(List<FeatureDrift> drift, double share) {
        long drifted = drift.stream().filter(FeatureDrift::drifted).count();
        return !drift.isEmpty() && drifted >= share * drift.size();
    }
}
