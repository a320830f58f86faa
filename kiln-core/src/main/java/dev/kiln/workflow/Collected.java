package dev.kiln.workflow;

import dev.kiln.data.Frame;
import java.util.Objects;

/**
 * The data a run trains on, as collected: the frame, the id of the snapshot that holds it (its content hash,
 * recorded as the bundle's data lineage), a description of its source without secrets, and the seconds it took.
 */
public record Collected(Frame frame, String snapshotId, String source, double seconds) {
    public Collected {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(snapshotId, "snapshotId");
    }
}
