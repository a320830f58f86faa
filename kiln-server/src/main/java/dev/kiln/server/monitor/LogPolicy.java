package dev.kiln.server.monitor;

import dev.kiln.data.Frame;
import dev.kiln.store.ShadowPrediction;
import java.util.List;

/**
 * What the prediction log asks about each model: the share of its requests to log, the key column whose value is
 * kept for feedback, what shadow versions predict for logged inputs, and how long rows are kept. Implementations
 * are thread-safe and cheap: {@link #sample} runs on the request path.
 */
public interface LogPolicy {
    /** The share of requests of {@code model} to log, 0 to 1. */
    double sample(String model);

    /** The key column of {@code model}, or null. */
    String keyColumn(String model);

    /**
     * What other versions of {@code model} (a challenger in shadow mode) predict for {@code input}, answered by
     * {@code version}, whose rows have the ids {@code ids}; empty when none shadows it. Runs on the writer thread.
     */
    List<ShadowPrediction> shadows(String model, int version, Frame input, List<String> ids);

    /**
     * Whether some other version of {@code model} scores its logged requests in shadow now (then the log needs each
     * request's decoded frame). Runs on the request path: cheap.
     */
    default boolean shadowed(String model) {
        return false;
    }

    /** Rows answered more than this many days ago are deleted (0: kept). */
    int retentionDays();

    /** Only this many newest rows per model are kept (0: all). */
    long retentionRows();
}
