package dev.kiln.store;

import dev.kiln.data.Schema;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored dataset version: immutable rows identified by their content hash. Immutable.
 *
 * @param id SHA-256 of the frame's canonical encoding ({@link dev.kiln.data.FrameDigest}), 64 hex digits
 * @param name the name it was first collected under
 * @param schema column names, kinds and categorical levels, as needed to read the rows back exactly
 * @param source where the rows came from, without secrets ({@code csv data/*.csv}, {@code jdbc ... table t})
 * @param file the Parquet file holding the rows
 */
public record Snapshot(String id, String name, long rows, int columns, Schema schema, String source, Instant created,
                       Path file) {
    public Snapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(schema, "schema");
    }

    /** The first twelve hex digits of the id, enough to name it in listings. */
    public String shortId() {
        return id.substring(0, 12);
    }
}
