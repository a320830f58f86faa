package dev.kiln.prep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;

/** Rebuilds fitted preparation steps from bundle JSON by their type name; an explicit list, no reflection. */
public final class TransformerReaders {
    private TransformerReaders() {
    }

    /** The fitted step described by {@code node}; {@link IllegalArgumentException} on an unknown type. */
    public static FittedTransformer read(ObjectNode node, BinaryArrays arrays) {
        String type = node.path("type").asText();
        return switch (type) {
            case DropColumns.TYPE -> DropColumns.fromJson(node);
            case FittedImputer.TYPE -> FittedImputer.fromJson(node);
            case FittedOneHotEncoder.TYPE -> FittedOneHotEncoder.fromJson(node);
            case MissingTokens.TYPE -> MissingTokens.fromJson(node);
            case FittedKnnImputer.TYPE -> FittedKnnImputer.fromJson(node, arrays);
            case FittedOutlierBounds.TYPE -> FittedOutlierBounds.fromJson(node);
            case FittedIsolationOutliers.TYPE -> FittedIsolationOutliers.fromJson(node, arrays);
            case FittedScaler.TYPE -> FittedScaler.fromJson(node);
            case FittedPowerTransform.TYPE -> FittedPowerTransform.fromJson(node);
            case FittedLabelEncoder.TYPE -> FittedLabelEncoder.fromJson(node);
            case FittedTargetEncoder.TYPE -> FittedTargetEncoder.fromJson(node);
            case FittedDateFeatures.TYPE -> FittedDateFeatures.fromJson(node);
            case FittedTextVectorizer.TYPE -> FittedTextVectorizer.fromJson(node);
            case DerivedFeatures.TYPE -> DerivedFeatures.fromJson(node);
            case FittedBinner.TYPE -> FittedBinner.fromJson(node);
            case Interactions.TYPE -> Interactions.fromJson(node);
            default -> throw new IllegalArgumentException("unknown preparation step type '" + type + "'");
        };
    }
}
