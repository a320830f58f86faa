package dev.kiln.workflow;

import dev.kiln.eval.Metric;
import dev.kiln.monitor.DriftMethod;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code monitor:} section of a spec into {@link Spec.Monitor}: drift thresholds and method, window,
 * prediction log, key column, alert rules and retraining policy. Problems are recorded on the nodes (path and
 * line); a section with problems yields null.
 */
final class MonitorLoader {
    private static final Set<String> KEYS = Set.of("drift", "window", "log", "key", "alerts", "retrain");

    private int problems;

    Spec.Monitor load(YamlNode node) {
        Map<String, YamlNode> m = node.mapping(KEYS);
        if (m == null) {
            return null;
        }
        MonitorSettings defaults = MonitorSettings.defaults();
        double warn = 0.1;
        double alert = 0.25;
        DriftMethod method = defaults.method();
        double share = defaults.datasetShare();
        if (m.containsKey("drift")) {
            Map<String, YamlNode> drift = m.get("drift").mapping(Set.of("method", "warn", "alert", "share"));
            if (drift == null) {
                return null;
            }
            if (drift.containsKey("method")) {
                List<String> labels = Arrays.stream(DriftMethod.values()).map(DriftMethod::label).toList();
                String label = drift.get("method").choice(labels);
                method = label == null ? null : DriftMethod.fromLabel(label);
            }
            Double w = drift.containsKey("warn") ? drift.get("warn").number(0, 10) : Double.valueOf(0.1);
            Double a = drift.containsKey("alert") ? drift.get("alert").number(0, 10) : Double.valueOf(0.25);
            Double s = drift.containsKey("share") ? drift.get("share").number(0.001, 1) : Double.valueOf(share);
            if (w == null || a == null || s == null || method == null) {
                return null;
            }
            if (w > a) {
                m.get("drift").problem("warn (" + w + ") must not exceed alert (" + a + ")");
                return null;
            }
            warn = w;
            alert = a;
            share = s;
        }
        MonitorSettings.Window window = m.containsKey("window") ? window(m.get("window")) : defaults.window();
        MonitorSettings.Log log = m.containsKey("log") ? log(m.get("log")) : defaults.log();
        String key = m.containsKey("key") ? m.get("key").string() : null;
        List<MonitorSettings.Alert> alerts = m.containsKey("alerts") ? alerts(m.get("alerts")) : List.of();
        MonitorSettings.Retrain retrain = m.containsKey("retrain") ? retrain(m.get("retrain")) : defaults.retrain();
        if (window == null || log == null || alerts == null || retrain == null || problems > 0) {
            return null;
        }
        return new Spec.Monitor(warn, alert, new MonitorSettings(method, share, window, log, key, alerts, retrain));
    }

    private MonitorSettings.Window window(YamlNode node) {
        Map<String, YamlNode> m = node.mapping(Set.of("rows", "seconds", "min_rows"));
        if (m == null) {
            return null;
        }
        Double rows = m.containsKey("rows") ? m.get("rows").number(1, 10_000_000) : Double.valueOf(1000);
        Double seconds = m.containsKey("seconds") ? m.get("seconds").number(0, 1e9) : Double.valueOf(0);
        Double minRows = m.containsKey("min_rows") ? m.get("min_rows").number(1, 10_000_000) : null;
        if (rows == null || seconds == null || (m.containsKey("min_rows") && minRows == null)) {
            return null;
        }
        int min = minRows == null ? Math.min(100, rows.intValue()) : minRows.intValue();
        if (min > rows) {
            m.get("min_rows").problem("min_rows (" + min + ") must not exceed rows (" + rows.intValue() + ")");
            return null;
        }
        return new MonitorSettings.Window(rows.intValue(), seconds.longValue(), min);
    }

    private MonitorSettings.Log log(YamlNode node) {
        Map<String, YamlNode> m = node.mapping(Set.of("sample", "retention_days", "retention_rows"));
        if (m == null) {
            return null;
        }
        Double sample = m.containsKey("sample") ? m.get("sample").number(0, 1) : Double.valueOf(1);
        Double days = m.containsKey("retention_days") ? m.get("retention_days").number(0, 36500) : Double.valueOf(0);
        Double rows = m.containsKey("retention_rows") ? m.get("retention_rows").number(0, 1e12) : Double.valueOf(0);
        return sample == null || days == null || rows == null ? null
                : new MonitorSettings.Log(sample, days.intValue(), rows.longValue());
    }

    private List<MonitorSettings.Alert> alerts(YamlNode node) {
        List<YamlNode> items = node.sequence();
        if (items == null) {
            return null;
        }
        List<MonitorSettings.Alert> out = new ArrayList<>();
        for (YamlNode item : items) {
            Map<String, YamlNode> m = item.mapping(Set.of("when", "webhook", "cooldown_s"));
            if (m == null) {
                continue;
            }
            if (!m.containsKey("when")) {
                item.problem("missing required key 'when' (a rule such as \"drift_share > 0.3\")");
                problems++;
                continue;
            }
            AcceptRule rule = rule(m.get("when"));
            String webhook = m.containsKey("webhook") ? webhook(m.get("webhook")) : null;
            Double cooldown = m.containsKey("cooldown_s") ? m.get("cooldown_s").number(0, 1e9) : Double.valueOf(3600);
            if (rule != null && cooldown != null && (webhook != null || !m.containsKey("webhook"))) {
                out.add(new MonitorSettings.Alert(rule, webhook, cooldown.longValue()));
            }
        }
        return out;
    }

    private AcceptRule rule(YamlNode node) {
        String text = node.string();
        if (text == null) {
            return null;
        }
        try {
            AcceptRule rule = AcceptRule.parse(text);
            for (String value : rule.metrics()) {
                if (!MonitorSettings.ALERT_VALUES.contains(value) && Metric.fromLabel(value) == null) {
                    node.problem("unknown value '" + value + "' in alert rule (known: "
                            + String.join(", ", MonitorSettings.ALERT_VALUES) + ", or a metric: " + String.join(", ", Metric.labels()) + ")");
                    problems++;
                }
            }
            return rule;
        } catch (IllegalArgumentException e) {
            node.problem(e.getMessage());
            problems++;
            return null;
        }
    }

    private String webhook(YamlNode node) {
        String text = node.string();
        if (text == null) {
            return null;
        }
        try {
            URI uri = URI.create(text.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        node.problem("expected an http:// or https:// URL, found '" + text + "'");
        problems++;
        return null;
    }

    private MonitorSettings.Retrain retrain(YamlNode node) {
        Map<String, YamlNode> m = node.mapping(Set.of("on", "schedule", "min_labels", "margin", "rollback", "shadow"));
        if (m == null) {
            return null;
        }
        MonitorSettings.Retrain manual = MonitorSettings.Retrain.manual();
        Set<String> on = new LinkedHashSet<>();
        if (m.containsKey("on")) {
            for (YamlNode item : m.get("on").isSequence() ? m.get("on").sequence() : List.of(m.get("on"))) {
                String trigger = item.choice(MonitorSettings.TRIGGERS);
                if (trigger != null) {
                    on.add(trigger);
                }
            }
        }
        CronSchedule schedule = null;
        if (m.containsKey("schedule")) {
            String text = m.get("schedule").string();
            try {
                schedule = text == null ? null : CronSchedule.parse(text);
            } catch (IllegalArgumentException e) {
                m.get("schedule").problem(e.getMessage());
                return null;
            }
        }
        if (on.contains("schedule") && schedule == null) {
            node.problem("retrain on schedule needs 'schedule' (cron, such as \"0 3 * * *\")");
            return null;
        }
        Double minLabels = m.containsKey("min_labels") ? m.get("min_labels").number(1, 1e9) : Double.valueOf(manual.minLabels());
        Double margin = m.containsKey("margin") ? m.get("margin").number(-1e9, 1e9) : Double.valueOf(manual.margin());
        Boolean shadow = m.containsKey("shadow") ? m.get("shadow").bool() : Boolean.TRUE;
        double rollbackMargin = manual.rollbackMargin();
        int rollbackLabels = manual.rollbackLabels();
        if (m.containsKey("rollback")) {
            Map<String, YamlNode> r = m.get("rollback").mapping(Set.of("margin", "min_labels"));
            if (r == null) {
                return null;
            }
            Double rm = r.containsKey("margin") ? r.get("margin").number(0, 1e9) : Double.valueOf(0.05);
            Double rl = r.containsKey("min_labels") ? r.get("min_labels").number(1, 1e9) : Double.valueOf(rollbackLabels);
            if (rm == null || rl == null) {
                return null;
            }
            rollbackMargin = rm;
            rollbackLabels = rl.intValue();
        }
        if (minLabels == null || margin == null || shadow == null) {
            return null;
        }
        return new MonitorSettings.Retrain(on, schedule, minLabels.intValue(), margin, rollbackMargin, rollbackLabels, shadow);
    }
}
