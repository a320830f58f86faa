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

    /** Drift of one feature: its PSI and status ({@code ok}, {@code warn} or {@code alert}). */
    public record FeatureDrift(String feature, double psi, String status) {
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

    /**
     * PSI of every referenced feature in {@code data}, in reference order. The data must hold each
     * feature with its training kind (see {@code Pipeline.conform}).
     */
    public List<FeatureDrift> compare(Frame data) {
        List<FeatureDrift> out = new ArrayList<>();
        for (FeatureReference reference : features) {
            if (!data.has(reference.name())) {
                throw new InvalidDataException("missing column '" + reference.name() + "' needed for drift");
            }
            Column column = data.column(reference.name());
            boolean numeric = reference.kind() == ColumnKind.NUMERIC;
            if (numeric != (column instanceof NumericColumn) || (!numeric && !(column instanceof CategoricalColumn))) {
                throw new InvalidDataException("column '" + reference.name() + "' is " + column.kind().label()
                        + ", expected " + reference.kind().label());
            }
            double psi = reference.psi(column);
            out.add(new FeatureDrift(reference.name(), psi, psi >= alert ? "alert" : psi >= warn ? "warn" : "ok"));
        }
        return out;
    }
}
