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
            default -> throw new IllegalArgumentException("unknown preparation step type '" + type + "'");
        };
    }
}
