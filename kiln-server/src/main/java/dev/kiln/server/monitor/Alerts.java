package dev.kiln.server.monitor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.workflow.MonitorSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alert rules in force: each evaluation checks a model's rules against its monitored values; a rule that holds
 * fires (a log line, a webhook POST, a call to the listener, which writes the audit entry) and then does not fire
 * again while it keeps holding, until it clears or its cooldown has passed. Thread-safe.
 */
public final class Alerts {
    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** An alert that fired: the model and version, the rule, the values it was judged on, and the JSON body sent. */
    public record Fired(String model, int version, String rule, Map<String, Double> values, Instant at, String body) {
    }

    /** Told of every alert that fires. */
    @FunctionalInterface
    public interface Listener {
        void fired(Fired alert);
    }

    private record State(boolean active, long lastFiredMs) {
    }

    private final Webhook webhook;
    private final Listener listener;
    private final Clock clock;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    public Alerts(Webhook webhook, Listener listener, Clock clock) {
        this.webhook = webhook;
        this.listener = listener;
        this.clock = clock;
    }

    /** Judges {@code rules} of {@code model} on {@code values}; returns the alerts that fired now. */
    public List<Fired> evaluate(String model, int version, List<MonitorSettings.Alert> rules, Map<String, Double> values) {
        List<Fired> fired = new ArrayList<>();
        long now = clock.millis();
        for (MonitorSettings.Alert rule : rules) {
            String key = model + '\u0000' + rule.when();
            State state = states.getOrDefault(key, new State(false, 0));
            if (!rule.when().test(values)) {
                if (state.active()) {
                    LOG.info("alert cleared: {} {}", model, rule.when());
                }
                states.put(key, new State(false, state.lastFiredMs()));
                continue;
            }
            boolean cooled = rule.cooldownSeconds() > 0 && now - state.lastFiredMs() >= rule.cooldownSeconds() * 1000;
            if (state.active() && !cooled) {
                continue;
            }
            states.put(key, new State(true, now));
            fired.add(fire(model, version, rule, values, Instant.ofEpochMilli(now)));
        }
        return fired;
    }

    /** The rules of {@code model} that hold now (fired and not cleared). */
    public List<String> active(String model) {
        List<String> out = new ArrayList<>();
        states.forEach((key, state) -> {
            if (state.active() && key.startsWith(model + '\u0000')) {
                out.add(key.substring(model.length() + 1));
            }
        });
        out.sort(null);
        return out;
    }

    private Fired fire(String model, int version, MonitorSettings.Alert rule, Map<String, Double> values, Instant at) {
        Map<String, Double> read = new TreeMap<>();
        for (String name : rule.when().metrics()) {
            Double value = values.get(name);
            if (value != null) {
                read.put(name, value);
            }
        }
        ObjectNode body = MAPPER.createObjectNode().put("alert", rule.when().toString()).put("model", model)
                .put("version", version).put("at", at.toString());
        ObjectNode evidence = body.putObject("values");
        read.forEach((k, v) -> putFinite(evidence, k, v));
        ObjectNode all = body.putObject("monitored");
        new TreeMap<>(values).forEach((k, v) -> putFinite(all, k, v));
        String json = body.toString();
        LOG.warn("ALERT {} version {}: {} ({})", model, version, rule.when(), read);
        if (rule.webhook() != null) {
            webhook.post(rule.webhook(), json);
        }
        Fired fired = new Fired(model, version, rule.when().toString(), Map.copyOf(read), at, json);
        listener.fired(fired);
        return fired;
    }

    /** A number, or null for NaN and infinities (which JSON cannot hold). */
    static void putFinite(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }
}
