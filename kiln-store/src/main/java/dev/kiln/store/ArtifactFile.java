package dev.kiln.store;

import java.util.Objects;

/**
 * One file a run left in its artifact directory, as recorded when the run ended.
 *
 * <p>Immutable.
 *
 * @param path   path relative to the run's artifact directory, with {@code /} separators
 * @param size   size in bytes
 * @param sha256 SHA-256 of the content, lower-case hex
 */
public record ArtifactFile(String path, long size, String sha256) {
    /** Rejects null paths and checksums and negative sizes. */
    public ArtifactFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        if (size < 0) {
            throw new IllegalArgumentException("size of artifact " + path + " must not be negative: " + size);
        }
    }
}
