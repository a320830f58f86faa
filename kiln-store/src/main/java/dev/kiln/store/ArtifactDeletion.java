package dev.kiln.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A directory {@link KilnStore#collectGarbage} deleted, or would delete in a dry run.
 *
 * <p>Immutable.
 *
 * @param path  the directory
 * @param runId the run it belonged to, or {@code null} when it belongs to none
 * @param why   why it is garbage: {@code orphan}, {@code failed run}, {@code temporary}, {@code unfinished deletion}
 * @param bytes total size of its files
 */
public record ArtifactDeletion(Path path, String runId, String why, long bytes) {
    /** Rejects null paths and reasons. */
    public ArtifactDeletion {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(why, "why");
    }
}
