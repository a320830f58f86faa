package dev.kiln.server.maintain;

import java.util.Map;

/**
 * What a retraining decided: {@code promoted} (the challenger is the champion now), {@code challenger} (registered
 * and kept as the challenger: not better, or not accepted) or {@code skipped} (not trained: the reason says why),
 * with both models' scores on the same fresh labelled rows and the evidence written to the audit log. Immutable.
 *
 * @param challenger the new version, or 0 when skipped
 */
public record RetrainOutcome(String model, String trigger, String decision, int champion, int challenger, String runId,
                             String metric, double championScore, double challengerScore, int evaluationRows,
                             boolean accepted, String reason, Map<String, Object> evidence) {
    public static final String PROMOTED = "promoted";
    public static final String CHALLENGER = "challenger";
    public static final String SKIPPED = "skipped";

    public RetrainOutcome {
        evidence = Map.copyOf(evidence);
    }
}
