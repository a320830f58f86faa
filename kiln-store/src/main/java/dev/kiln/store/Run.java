package dev.kiln.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One tracked execution of a Kiln workflow, as recorded in the store: its identity, status, lineage hashes,
 * and the parameters, metrics and timings logged so far.
 *
 * <p>Immutable: the maps are sorted, unmodifiable copies. A snapshot; later logging does not change it.
 *
 * @param id          sortable unique id, e.g. {@code 20261125-101500-123-k3x9q0za} (UTC start time, then random)
 * @param name        human name of the run, usually the spec's name
 * @param status      {@code running}, {@code finished} or {@code failed}
 * @param started     start time, millisecond precision
 * @param finished    end time, or {@code null} while running
 * @param specHash    hash of the workflow spec, may be {@code null}
 * @param dataHash    content hash of the dataset snapshot, may be {@code null}
 * @param kilnVersion version of Kiln that ran it, may be {@code null}
 * @param metrics     metric values by name, names may be prefixed ({@code valid.logistic.roc_auc})
 * @param params      parameters by name
 * @param timings     durations in seconds by stage name
 * @param artifactDir directory for this run's artifacts ({@code artifacts/runs/<id>/}); created on demand
 * @param process     the user, host and process that ran it
 * @param artifacts   the files recorded in the artifact directory, with sizes and checksums; empty until
 *                    recorded
 */
public record Run(String id, String name, String status, Instant started, Instant finished, String specHash,
                  String dataHash, String kilnVersion, Map<String, Double> metrics, Map<String, String> params,
                  Map<String, Double> timings, Path artifactDir, RunProcess process, List<ArtifactFile> artifacts) {

    /** Status of a run that has started and not yet finished. */
    public static final String RUNNING = "running";
    /** Status of a run that completed. */
    public static final String FINISHED = "finished";
    /** Status of a run that stopped on an error. */
    public static final String FAILED = "failed";

    /** Copies the maps; rejects null ids, names, statuses and start times. */
    public Run {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(started, "started");
        metrics = sortedCopy(metrics);
        params = sortedCopy(params);
        timings = sortedCopy(timings);
        Objects.requireNonNull(process, "process");
        artifacts = List.copyOf(artifacts);
    }

    /**
     * True when the run is recorded as {@code running} but its process is gone: this host ran it and no
     * process with its pid has lived since it started (a crash or kill -9). Runs of other hosts are never stale
     * by this test. The store keeps such runs as they are; commands show them as stale.
     */
    public boolean stale() {
        return RUNNING.equals(status) && process.gone(started);
    }

    static <V> Map<String, V> sortedCopy(Map<String, V> map) {
        return Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(map, "map")));
    }
}
