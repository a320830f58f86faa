package dev.kiln.server.monitor;

import dev.kiln.bundle.Bundle;
import dev.kiln.data.Frame;
import dev.kiln.learn.Predictions;
import dev.kiln.store.LogText;
import dev.kiln.store.ShadowPrediction;
import dev.kiln.workflow.MonitorSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The log policy of a monitored server: each model's sample rate and key column from the settings of its current
 * version (read once per version), retention from the strictest model, and shadow
 * scoring: the version the {@code challenger} alias points to (when the spec allows shadow mode) and any version
 * put on probation, each predicting every logged request of the model it does not answer. Thread-safe.
 */
public final class MonitorPolicy implements LogPolicy {
    /** The alias whose version runs in shadow mode. */
    public static final String CHALLENGER = "challenger";

    private final ModelLookup models;
    private final SettingsSource settings;
    private final Map<String, Current> current = new ConcurrentHashMap<>();
    private final Map<String, Set<Integer>> probation = new ConcurrentHashMap<>();
    private final Map<String, Shadowed> shadowed = new ConcurrentHashMap<>();

    public MonitorPolicy(ModelLookup models, SettingsSource settings) {
        this.models = models;
        this.settings = settings;
    }

    private record Current(int version, MonitorSettings settings, long checkedNanos) {
    }

    /** How long the request path trusts the version answering a model before looking it up again. */
    private static final long RECHECK_NANOS = 250_000_000L;

    /** The settings of the version now answering {@code model} (read once per version, then cached). */
    public MonitorSettings settings(String model) {
        int version = models.currentVersion(model);
        Current cached = current.get(model);
        if (cached == null || cached.version() != version) {
            cached = new Current(version, settings.settings(model, version), System.nanoTime());
        } else {
            cached = new Current(version, cached.settings(), System.nanoTime());
        }
        current.put(model, cached);
        return cached.settings();
    }

    /**
     * {@link #settings} for the request path, which asks several times a request: which version answers is looked up
     * again at most every 250 ms, so a promotion reaches sampling and key capture within that.
     */
    private MonitorSettings requestSettings(String model) {
        Current cached = current.get(model);
        if (cached != null && System.nanoTime() - cached.checkedNanos() < RECHECK_NANOS) {
            return cached.settings();
        }
        return settings(model);
    }

    /** Also scores {@code version} of {@code model} in shadow (a champion just replaced, for rollback checks). */
    public void shadow(String model, int version) {
        probation.computeIfAbsent(model, m -> ConcurrentHashMap.newKeySet()).add(version);
        shadowed.remove(model);
    }

    public void stopShadowing(String model, int version) {
        Set<Integer> versions = probation.get(model);
        if (versions != null) {
            versions.remove(version);
        }
        shadowed.remove(model);
    }

    /** The versions of {@code model} scoring in shadow now, besides {@code answering}. */
    public Set<Integer> shadowVersions(String model, int answering) {
        Set<Integer> out = new TreeSet<>(probation.getOrDefault(model, Set.of()));
        Integer challenger = models.aliases(model).get(CHALLENGER);
        if (challenger != null && settings(model).retrain().shadow()) {
            out.add(challenger);
        }
        out.remove(answering);
        return out;
    }

    /** Whether any version of {@code model} scores in shadow, remembered for half a second (asked per request). */
    @Override
    public boolean shadowed(String model) {
        long now = System.nanoTime();
        Shadowed cached = shadowed.get(model);
        if (cached == null || now - cached.atNanos() > 500_000_000L) {
            cached = new Shadowed(!shadowVersions(model, models.currentVersion(model)).isEmpty()
                    || !probation.getOrDefault(model, Set.of()).isEmpty(), now);
            shadowed.put(model, cached);
        }
        return cached.value();
    }

    private record Shadowed(boolean value, long atNanos) {
    }

    @Override
    public double sample(String model) {
        return requestSettings(model).log().sample();
    }

    @Override
    public String keyColumn(String model) {
        return requestSettings(model).key();
    }

    @Override
    public List<ShadowPrediction> shadows(String model, int version, Frame input, List<String> ids) {
        List<ShadowPrediction> out = new ArrayList<>();
        for (int shadow : shadowVersions(model, version)) {
            Bundle bundle = models.bundle(model, shadow);
            if (bundle == null) {
                continue;
            }
            Predictions predictions = bundle.pipeline().predict(input);
            boolean classification = predictions.task().isClassification();
            for (int i = 0; i < ids.size(); i++) {
                int row = i;
                String prediction = classification ? predictions.label(row) : Double.toString(predictions.value(row));
                String outputs = LogText.outputs(classification ? predictions.classes() : List.of(),
                        c -> predictions.probability(row, c), classification ? Double.NaN : predictions.value(row));
                out.add(new ShadowPrediction(ids.get(i), model, shadow, prediction, outputs, null));
            }
        }
        return out;
    }

    @Override
    public int retentionDays() {
        int days = 0;
        for (String model : models.names()) {
            int d = settings(model).log().retentionDays();
            days = d > 0 && (days == 0 || d < days) ? d : days;
        }
        return days;
    }

    @Override
    public long retentionRows() {
        long rows = 0;
        for (String model : models.names()) {
            long r = settings(model).log().retentionRows();
            rows = r > 0 && (rows == 0 || r < rows) ? r : rows;
        }
        return rows;
    }
}
