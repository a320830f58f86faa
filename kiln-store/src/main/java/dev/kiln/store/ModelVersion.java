package dev.kiln.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One registered version of a named model: the bundle it points to, the run that produced it, and its stage.
 *
 * <p>Immutable; a snapshot of the registry at the time it was read.
 *
 * @param name       model name
 * @param version    version number, 1, 2, 3, ... per name in registration order
 * @param runId      id of the run that produced the bundle, or {@code null} for an imported bundle
 * @param bundlePath the model bundle (directory or {@code .kiln} file), as given at registration
 * @param stage      one of {@link #STAGES}: {@code none}, {@code staging}, {@code production},
 *                   {@code archived}
 * @param accepted   whether the bundle passed the spec's acceptance rule
 * @param created    registration time, millisecond precision
 * @param metrics    metric values by name, sorted and unmodifiable
 */
public record ModelVersion(String name, int version, String runId, Path bundlePath, String stage, boolean accepted,
                           Instant created, Map<String, Double> metrics) {

    /** Stage of a version that is in no stage: the default at registration. */
    public static final String NONE = "none";
    /** Stage of a version under trial. */
    public static final String STAGING = "staging";
    /** Stage of the version that is served; at most one per model name. */
    public static final String PRODUCTION = "production";
    /** Stage of a retired version, e.g. the previous production one. */
    public static final String ARCHIVED = "archived";
    /** All stages, in lifecycle order. */
    public static final List<String> STAGES = List.of(NONE, STAGING, PRODUCTION, ARCHIVED);

    /** Copies the metrics; rejects null names, paths, stages and times. */
    public ModelVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bundlePath, "bundlePath");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(created, "created");
        metrics = Run.sortedCopy(metrics);
    }

    /** The reference {@code name:version} that {@link KilnStore#resolve(String)} resolves back to this version. */
    public String ref() {
        return name + ":" + version;
    }
}
