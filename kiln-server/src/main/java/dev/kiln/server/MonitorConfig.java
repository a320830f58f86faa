package dev.kiln.server;

import dev.kiln.data.Checks;
import dev.kiln.store.KilnStore;
import dev.kiln.workflow.MonitorSettings;
import java.time.Duration;

/**
 * How a server monitors its models: the store that keeps the prediction log, feedback and audit entries; the
 * settings of models whose run recorded no spec (bundles served from a folder); a sample rate that overrides every
 * spec's ({@code kiln serve --log-sample}; null keeps them); how often models are evaluated; how many requests the
 * log may hold before it drops. Immutable.
 */
public record MonitorConfig(KilnStore store, MonitorSettings fallback, Double sample, Duration every, int queueCapacity) {
    public MonitorConfig {
        Checks.checkArgument(store != null, "monitoring needs a store");
        Checks.checkArgument(sample == null || (sample >= 0 && sample <= 1), "log sample must be in [0, 1]: %s", sample);
        Checks.checkArgument(every.toMillis() > 0, "evaluation interval must be positive: %s", every);
        Checks.checkArgument(queueCapacity > 0, "queue capacity must be positive: %s", queueCapacity);
    }

    /** Defaults: spec settings, evaluation every 10 s, 65,536 queued requests. */
    public static MonitorConfig of(KilnStore store) {
        return new MonitorConfig(store, MonitorSettings.defaults(), null, Duration.ofSeconds(10), 65_536);
    }

    public MonitorConfig withFallback(MonitorSettings settings) {
        return new MonitorConfig(store, settings, sample, every, queueCapacity);
    }

    public MonitorConfig withSample(Double rate) {
        return new MonitorConfig(store, fallback, rate, every, queueCapacity);
    }

    public MonitorConfig withEvery(Duration interval) {
        return new MonitorConfig(store, fallback, sample, interval, queueCapacity);
    }

    public MonitorConfig withQueueCapacity(int capacity) {
        return new MonitorConfig(store, fallback, sample, every, capacity);
    }
}
