package dev.kiln.server.monitor;

import dev.kiln.store.KilnStore;
import dev.kiln.store.ModelVersion;
import dev.kiln.store.Run;
import dev.kiln.workflow.MonitorSettings;
import dev.kiln.workflow.Spec;
import dev.kiln.workflow.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor settings of each model version: the {@code monitor:} section of the spec its run recorded
 * ({@code artifacts/runs/RUN/spec.yaml}), else a fallback (for bundles served from a folder, or the spec given to
 * {@code kiln serve --monitor-spec}); a sample rate given on the command line overrides the spec's. Each version is
 * read once. Thread-safe.
 */
public final class SettingsSource {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsSource.class);
    /** The name of the spec copy every run keeps. */
    public static final String SPEC_COPY = "spec.yaml";

    private final KilnStore store;
    private final MonitorSettings fallback;
    private final Double sampleOverride;
    private final Map<String, MonitorSettings> cache = new ConcurrentHashMap<>();

    /** {@code store} may be null (no registry); {@code sampleOverride} null keeps the spec's sample. */
    public SettingsSource(KilnStore store, MonitorSettings fallback, Double sampleOverride) {
        this.store = store;
        this.fallback = fallback;
        this.sampleOverride = sampleOverride;
    }

    public MonitorSettings settings(String model, int version) {
        return cache.computeIfAbsent(model + ':' + version, k -> override(read(model, version)));
    }

    /** The spec the run of {@code version} of {@code model} recorded, if the store has it. */
    public Optional<Spec> spec(String model, int version) {
        if (store == null || version <= 0) {
            return Optional.empty();
        }
        Optional<ModelVersion> registered = store.version(model, version);
        if (registered.isEmpty() || registered.get().runId() == null) {
            return Optional.empty();
        }
        Optional<Run> run = store.run(registered.get().runId());
        if (run.isEmpty()) {
            return Optional.empty();
        }
        Path copy = store.kilnDir().resolve("artifacts").resolve("runs").resolve(run.get().id()).resolve(SPEC_COPY);
        if (!Files.isRegularFile(copy)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SpecLoader.load(copy, false));
        } catch (Exception e) {
            LOG.warn("monitor settings of {}:{}: cannot read {}: {}", model, version, copy, e.getMessage());
            return Optional.empty();
        }
    }

    private MonitorSettings read(String model, int version) {
        return spec(model, version).map(s -> s.monitor().settings()).orElse(fallback);
    }

    private MonitorSettings override(MonitorSettings settings) {
        if (sampleOverride == null) {
            return settings;
        }
        MonitorSettings.Log log = new MonitorSettings.Log(sampleOverride, settings.log().retentionDays(), settings.log().retentionRows());
        return new MonitorSettings(settings.method(), settings.datasetShare(), settings.window(), log, settings.key(),
                settings.alerts(), settings.retrain());
    }
}
