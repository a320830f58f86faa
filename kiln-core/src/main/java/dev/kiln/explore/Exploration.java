package dev.kiln.explore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@link Explorer} found in a frame: the per-column profile, histograms of numeric columns,
 * pairwise relationships, the association of every feature with the target, and warnings with their
 * evidence (most severe kinds first). Immutable; serialises to JSON with Jackson as it is.
 *
 * @param target the target column, or null
 * @param sensitive the declared sensitive column, or null
 * @param duplicateRows rows that repeat an earlier row in every column
 * @param targetAssociations one per feature, strongest single-feature predictor first; empty without a target
 */
public record Exploration(Profile profile, String target, String sensitive, int duplicateRows,
                          Map<String, Histogram> histograms, Relationships relationships,
                          List<TargetAssociation> targetAssociations, List<Warning> warnings) {
    public Exploration {
        histograms = Collections.unmodifiableMap(new LinkedHashMap<>(histograms));
        targetAssociations = List.copyOf(targetAssociations);
        warnings = List.copyOf(warnings);
    }
}
