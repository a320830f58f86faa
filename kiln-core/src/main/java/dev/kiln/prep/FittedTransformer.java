package dev.kiln.prep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Frame;
import java.util.Optional;

/** A fitted preparation step: immutable, thread-safe, JSON-serialisable. Never mutates its input. */
public interface FittedTransformer {

    /** The transformed frame; {@link IllegalArgumentException} naming a column the step needs but does not find. */
    Frame apply(Frame frame);

    /**
     * This step's row form for rows laid out as {@code input}, giving the same values as {@link #apply}
     * on a one-row frame; empty when the step has none for that layout (then callers use frames).
     */
    default Optional<RowTransform> rowForm(RowLayout input) {
        return Optional.empty();
    }

    /** The type name that the bundle uses to find this step's reader. */
    String type();

    /** The fitted state as JSON, with large arrays put in {@code arrays}. */
    ObjectNode toJson(BinaryArrays arrays);
}
