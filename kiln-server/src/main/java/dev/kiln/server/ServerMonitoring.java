package dev.kiln.server;

import dev.kiln.server.monitor.Alerts;
import dev.kiln.server.monitor.AsyncPredictionLog;
import dev.kiln.server.monitor.ModelLookup;
import dev.kiln.server.monitor.Monitor;
import dev.kiln.server.monitor.MonitorPolicy;
import dev.kiln.server.monitor.SettingsSource;
import dev.kiln.server.monitor.Webhook;
import dev.kiln.store.AuditEntry;
import dev.kiln.store.KilnStore;
import dev.kiln.store.MonitorLog;
import java.time.Clock;

/**
 * The monitoring of one server, wired in one place: the asynchronous prediction log writing to the store, the log
 * policy (samples, keys, shadows, retention), the periodic monitor and its alerts, whose firings go to the audit
 * log. The log's rows go to the store's columnar log, whose segments are rolled by the writer thread. Closing stops
 * the monitor, writes what the log still holds and rolls the open segments into files.
 */
public final class ServerMonitoring implements AutoCloseable {
    private final KilnStore store;
    private final ModelLookup models;
    private final SettingsSource settings;
    private final MonitorPolicy policy;
    private final AsyncPredictionLog log;
    private final Monitor monitor;

    ServerMonitoring(MonitorConfig config, ModelLookup models) {
        Clock clock = Clock.systemUTC();
        this.store = config.store();
        this.models = models;
        this.settings = new SettingsSource(store, config.fallback(), config.sample());
        this.policy = new MonitorPolicy(models, settings);
        MonitorLog monitorLog = store.monitorLog().writeInBackground();
        this.log = new AsyncPredictionLog(AsyncPredictionLog.Sink.of(monitorLog), monitorLog::purge, policy,
                config.queueCapacity(), clock);
        Alerts alerts = new Alerts(new Webhook(), fired -> store.recordDecision(AuditEntry.ALERT, fired.model(), fired.version(),
                null, fired.body(), fired.rule()), clock);
        this.monitor = new Monitor(monitorLog, models, policy, alerts, clock).start(config.every());
    }

    public KilnStore store() {
        return store;
    }

    public ModelLookup models() {
        return models;
    }

    public SettingsSource settings() {
        return settings;
    }

    public MonitorPolicy policy() {
        return policy;
    }

    public AsyncPredictionLog log() {
        return log;
    }

    public Monitor monitor() {
        return monitor;
    }

    @Override
    public void close() {
        monitor.close();
        log.close();
    }
}
