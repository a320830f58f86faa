package dev.kiln.cli;

import dev.kiln.server.MonitorConfig;
import dev.kiln.server.PredictionServer;
import dev.kiln.server.ServerMonitoring;
import dev.kiln.server.maintain.Maintenance;
import dev.kiln.server.maintain.Retrainer;
import dev.kiln.store.KilnStore;
import dev.kiln.workflow.MonitorSettings;
import dev.kiln.workflow.SpecLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * How {@code kiln serve} monitors: registered models always (settings from each version's spec), bundle folders
 * when {@code --log-sample} or {@code --monitor-spec} asks; the prediction log and feedback go to the store; with a
 * registry, the maintenance policy (retraining, promotion, rollback) listens to every evaluation.
 */
final class ServeMonitoring {
    private ServeMonitoring() {
    }

    /** The monitoring of this serve command, or null when it runs without. */
    static MonitorConfig config(Path storeDir, boolean registry, Double sample, Path monitorSpec, int everySeconds)
            throws java.io.IOException {
        if (!registry && sample == null && monitorSpec == null) {
            return null;
        }
        if (sample != null && (sample < 0 || sample > 1)) {
            throw new IllegalArgumentException("--log-sample: expected a share in [0, 1], found " + sample);
        }
        if (everySeconds <= 0) {
            throw new IllegalArgumentException("--monitor-every: expected a positive number of seconds, found " + everySeconds);
        }
        MonitorSettings fallback = monitorSpec == null ? MonitorSettings.defaults()
                : SpecLoader.load(monitorSpec, false).monitor().settings();
        KilnStore store = Stores.open(storeDir);
        return MonitorConfig.of(store).withFallback(fallback).withSample(sample).withEvery(Duration.ofSeconds(everySeconds));
    }

    /** Attaches the maintenance policy to a registry-backed server; returns it, or null without monitoring. */
    static Maintenance maintain(PredictionServer server) {
        ServerMonitoring monitoring = server.monitoring();
        if (monitoring == null) {
            return null;
        }
        Retrainer retrainer = new Retrainer(monitoring.store(), monitoring.settings());
        Maintenance maintenance = new Maintenance(retrainer, monitoring.store(), monitoring.policy(), monitoring.settings(),
                server::reload, Clock.systemUTC());
        monitoring.monitor().listen(maintenance);
        return maintenance;
    }
}
