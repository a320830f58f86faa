package dev.kiln.bundle;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a bundle says about itself ({@code manifest.json}): format and Kiln versions, the problem,
 * the input schema with the categories and ranges seen in training, metrics, lineage, and the
 * SHA-256 of every other file. Immutable.
 */
public record Manifest(int formatVersion, String kilnVersion, String name, String task, String target,
                       List<String> classes, String learner, Map<String, Object> params,
                       List<InputField> inputSchema, Map<String, Double> metrics, Lineage lineage,
                       Map<String, String> files) {
    public Manifest {
        classes = List.copyOf(classes);
        params = Map.copyOf(params);
        inputSchema = List.copyOf(inputSchema);
        metrics = Map.copyOf(metrics);
        files = files == null ? Map.of() : Map.copyOf(files);
    }

    /**
     * One raw input column: kind, role ({@code feature} or {@code ignored}), the categories seen in
     * training, and the numeric range seen (null when not numeric).
     */
    public record InputField(String name, String kind, String role, List<String> levels, Double min, Double max) {
        public InputField {
            levels = levels == null ? List.of() : List.copyOf(levels);
        }
    }

    /**
     * Where the model came from: run, data snapshot hash, spec hash, seed, time (ISO-8601), and the
     * Java version, operating system and architecture it was trained on (floating-point results may
     * differ across platforms). The last three are null in bundles that predate them.
     */
    public record Lineage(String runId, String dataHash, String specHash, long seed, String created,
                          String java, String os, String arch) {
        /** Lineage of a model trained now, on this JVM. */
        public static Lineage now(String runId, String dataHash, String specHash, long seed) {
            return new Lineage(runId, dataHash, specHash, seed, Instant.now().toString(),
                    System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"));
        }
    }

    /** This manifest with the checksums of the bundle's files. */
    public Manifest withFiles(Map<String, String> checksums) {
        return new Manifest(formatVersion, kilnVersion, name, task, target, classes, learner, params, inputSchema,
                metrics, lineage, checksums);
    }
}
