package dev.kiln.server;

import dev.kiln.data.Checks;
import java.time.Duration;

/**
 * How a prediction server runs: the management token (null disables management), whether predictions
 * need the token too, limits on request bodies and rows, and how often to re-read the model source
 * (zero: only on {@code POST /admin/reload}). Immutable.
 */
public record ServerOptions(String token, boolean guardPredictions, long maxBodyBytes, int maxRows, Duration reloadEvery) {
    public ServerOptions {
        Checks.checkArgument(maxBodyBytes > 0, "maxBodyBytes must be positive: %s", maxBodyBytes);
        Checks.checkArgument(maxRows > 0, "maxRows must be positive: %s", maxRows);
        Checks.checkArgument(!reloadEvery.isNegative(), "reloadEvery must not be negative: %s", reloadEvery);
        Checks.checkArgument(!guardPredictions || token != null, "guarding predictions needs a token");
    }

    /** No token, 16 MiB bodies, 10,000 rows per request, no polling. */
    public static ServerOptions defaults() {
        return new ServerOptions(null, false, 16L * 1024 * 1024, 10_000, Duration.ZERO);
    }

    public ServerOptions withToken(String newToken, boolean guardAll) {
        return new ServerOptions(newToken, guardAll, maxBodyBytes, maxRows, reloadEvery);
    }

    public ServerOptions withReloadEvery(Duration interval) {
        return new ServerOptions(token, guardPredictions, maxBodyBytes, maxRows, interval);
    }

    public ServerOptions withMaxRows(int rows) {
        return new ServerOptions(token, guardPredictions, maxBodyBytes, rows, reloadEvery);
    }
}
