package dev.kiln.workflow;

import dev.kiln.bundle.Manifest;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a workflow run produced: every learner tried with its validation metrics, the chosen one with
 * its test metrics and the acceptance verdict, the bundle and report paths, and stage timings.
 */
public record RunResult(String name, String task, int rows, int trainRows, int validationRows, int testRows,
                        List<LearnerResult> learners, String chosen, Map<String, Double> testMetrics,
                        String metric, boolean accepted, String acceptRule, Path bundle, Path profile,
                        Manifest manifest, Map<String, Double> timings, List<String> notes) {
    public RunResult {
        learners = List.copyOf(learners);
        testMetrics = ordered(testMetrics);
        timings = ordered(timings);
        notes = List.copyOf(notes);
    }

    /** One learner tried: its label, parameters, fit time and metrics on the validation rows. */
    public record LearnerResult(String label, String learner, Map<String, Object> params, double fitSeconds,
                                Map<String, Double> validationMetrics) {
        public LearnerResult {
            params = Map.copyOf(params);
            validationMetrics = ordered(validationMetrics);
        }
    }

    /** An unmodifiable copy that keeps the order of {@code map}. */
    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
