package dev.kiln.workflow;

import dev.kiln.data.source.CsvSource;
import dev.kiln.data.source.HttpSource;
import dev.kiln.data.source.JdbcSource;
import dev.kiln.data.source.JsonSource;
import dev.kiln.data.source.LogSource;
import dev.kiln.data.source.MqttSource;
import dev.kiln.data.source.ParquetSource;
import dev.kiln.data.source.Source;
import dev.kiln.data.source.SqlSource;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a {@code source:} mapping into a {@link Source}, recording a problem with path and line for each mistake.
 * File sources name their path under their kind and take options beside it ({@code {csv: a.csv, delimiter: ";"}});
 * service sources take a mapping ({@code {jdbc: {url: ..., table: ...}}}). Credentials appear only as the names
 * of environment variables ({@code user_env}, {@code password_env}, {@code bearer_env}, {@code api_key_env}).
 */
final class SourceLoader {
    static final List<String> KINDS = List.of("csv", "parquet", "json", "log", "jdbc", "http", "mqtt", "sql");
    private static final Set<String> FILE_OPTIONS = Set.of("delimiter", "quote", "encoding", "pattern", "json_lines", "on_error",
            "header", "columns");

    private SourceLoader() {
    }

    /** The source at {@code node}, or null after recording its problems. */
    static Source source(YamlNode node) {
        Set<String> allowed = new HashSet<>(KINDS);
        allowed.addAll(FILE_OPTIONS);
        Map<String, YamlNode> m = node.mapping(allowed);
        if (m == null) {
            return null;
        }
        List<String> kinds = KINDS.stream().filter(m::containsKey).toList();
        if (kinds.size() != 1) {
            node.problem("expected exactly one source kind (one of: " + String.join(", ", KINDS) + "), found "
                    + (kinds.isEmpty() ? "none" : String.join(", ", kinds)));
            return null;
        }
        String kind = kinds.get(0);
        YamlNode body = m.get(kind);
        Set<String> options = Set.copyOf(m.keySet().stream().filter(k -> !k.equals(kind)).toList());
        Set<String> permitted = switch (kind) {
            case "csv" -> Set.of("delimiter", "quote", "encoding", "header", "columns", "on_error");
            case "log" -> Set.of("pattern", "json_lines", "on_error");
            default -> Set.of();
        };
        for (String option : options) {
            if (!permitted.contains(option)) {
                m.get(option).problem("'" + option + "' does not apply to a " + kind + " source");
            }
        }
        return switch (kind) {
            case "csv" -> csv(body, m);
            case "parquet" -> build(body, () -> new ParquetSource(body.string()));
            case "json" -> build(body, () -> new JsonSource(body.string()));
            case "log" -> log(body, m);
            case "jdbc" -> jdbc(body);
            case "http" -> http(body);
            case "mqtt" -> mqtt(body);
            default -> sql(body);
        };
    }

    private static Source csv(YamlNode body, Map<String, YamlNode> m) {
        String path = body.string();
        Character delimiter = m.containsKey("delimiter") ? character(m.get("delimiter")) : null;
        Character quote = m.containsKey("quote") ? character(m.get("quote")) : Character.valueOf('"');
        String encoding = m.containsKey("encoding") ? m.get("encoding").string() : null;
        Boolean header = m.containsKey("header") ? m.get("header").bool() : Boolean.TRUE;
        List<String> columns = m.containsKey("columns") ? m.get("columns").strings() : List.of();
        String onError = m.containsKey("on_error") ? m.get("on_error").choice(List.of("fail", "skip")) : "fail";
        if (path == null || quote == null || (m.containsKey("delimiter") && delimiter == null) || header == null
                || columns == null || onError == null) {
            return null;
        }
        if (header && m.containsKey("columns")) {
            m.get("columns").problem("columns name the fields of a file without a header row: add header: false");
            return null;
        }
        YamlNode at = m.containsKey("columns") ? m.get("columns") : body;
        return build(at, () -> new CsvSource(path, delimiter, quote, encoding, header, columns, onError));
    }

    private static Character character(YamlNode node) {
        String d = node.string();
        if (d == null) {
            return null;
        }
        if (d.equals("\\t") || d.equals("\t")) {
            return '\t';
        }
        if (d.length() != 1) {
            node.problem("expected one character, found '" + d + "'");
            return null;
        }
        return d.charAt(0);
    }

    private static Source log(YamlNode body, Map<String, YamlNode> m) {
        String path = body.string();
        String pattern = m.containsKey("pattern") ? m.get("pattern").string() : null;
        Boolean json = m.containsKey("json_lines") ? m.get("json_lines").bool() : Boolean.FALSE;
        String onError = m.containsKey("on_error") ? m.get("on_error").choice(List.of("fail", "skip")) : "fail";
        if (path == null || json == null || onError == null) {
            return null;
        }
        return build(body, () -> new LogSource(path, pattern, json, onError));
    }

    private static Source jdbc(YamlNode body) {
        Map<String, YamlNode> m = body.mapping(Set.of("url", "table", "query", "params", "user_env", "password_env"));
        if (m == null || !required(m, "url", body)) {
            return null;
        }
        List<String> params = m.containsKey("params") ? m.get("params").strings() : List.of();
        return build(body, () -> new JdbcSource(str(m, "url"), str(m, "table"), str(m, "query"), params,
                str(m, "user_env"), str(m, "password_env")));
    }

    private static Source http(YamlNode body) {
        Map<String, YamlNode> m = body.mapping(Set.of("url", "records", "paging", "auth", "timeout_s", "retries", "max_pages"));
        if (m == null || !required(m, "url", body)) {
            return null;
        }
        HttpSource.Paging paging = HttpSource.Paging.none();
        if (m.containsKey("paging")) {
            YamlNode p = m.get("paging");
            Map<String, YamlNode> pm = p.mapping(Set.of("kind", "param", "next", "start", "size", "size_param"));
            if (pm == null || !required(pm, "kind", p)) {
                return null;
            }
            String kind = pm.get("kind").choice(HttpSource.Paging.KINDS);
            Long start = pm.containsKey("start") ? pm.get("start").integer() : Long.valueOf(kind != null && kind.equals("page") ? 1 : 0);
            Long size = pm.containsKey("size") ? pm.get("size").integer() : Long.valueOf(0);
            if (kind == null || start == null || size == null) {
                return null;
            }
            paging = new HttpSource.Paging(kind, str(pm, "param"), str(pm, "next"), start.intValue(), size.intValue(), str(pm, "size_param"));
        }
        String bearerEnv = null;
        String apiKeyEnv = null;
        String header = null;
        if (m.containsKey("auth")) {
            Map<String, YamlNode> am = m.get("auth").mapping(Set.of("bearer_env", "api_key_env", "header"));
            if (am == null) {
                return null;
            }
            bearerEnv = str(am, "bearer_env");
            apiKeyEnv = str(am, "api_key_env");
            header = str(am, "header");
        }
        Double timeout = m.containsKey("timeout_s") ? m.get("timeout_s").number(0.001, 3600) : Double.valueOf(30);
        Long retries = m.containsKey("retries") ? m.get("retries").integer() : Long.valueOf(3);
        Long maxPages = m.containsKey("max_pages") ? m.get("max_pages").integer() : Long.valueOf(1000);
        if (timeout == null || retries == null || maxPages == null) {
            return null;
        }
        HttpSource.Paging pages = paging;
        String b = bearerEnv;
        String a = apiKeyEnv;
        String h = header;
        return build(body, () -> new HttpSource(str(m, "url"), str(m, "records"), pages, b, a, h,
                Duration.ofMillis((long) (timeout * 1000)), retries.intValue(), maxPages.intValue()));
    }

    private static Source mqtt(YamlNode body) {
        Map<String, YamlNode> m = body.mapping(Set.of("broker", "topic", "topics", "count", "duration_s", "qos", "user_env", "password_env"));
        if (m == null || !required(m, "broker", body)) {
            return null;
        }
        List<String> topics = m.containsKey("topics") ? m.get("topics").strings()
                : m.containsKey("topic") ? m.get("topic").strings() : List.of();
        Long count = m.containsKey("count") ? m.get("count").integer() : Long.valueOf(0);
        Double duration = m.containsKey("duration_s") ? m.get("duration_s").number(0.001, 86_400) : null;
        Long qos = m.containsKey("qos") ? m.get("qos").integer() : Long.valueOf(0);
        if (topics == null || count == null || qos == null || (m.containsKey("duration_s") && duration == null)) {
            return null;
        }
        return build(body, () -> new MqttSource(str(m, "broker"), topics, count.intValue(),
                duration == null ? null : Duration.ofMillis((long) (duration * 1000)), qos.intValue(),
                str(m, "user_env"), str(m, "password_env")));
    }

    private static Source sql(YamlNode body) {
        Map<String, YamlNode> m = body.mapping(Set.of("query", "sources"));
        if (m == null || !required(m, "query", body) || !required(m, "sources", body)) {
            return null;
        }
        Map<String, YamlNode> named = m.get("sources").mapping(null);
        if (named == null) {
            return null;
        }
        Map<String, Source> sources = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : named.entrySet()) {
            Source source = source(e.getValue());
            if (source == null) {
                return null;
            }
            sources.put(e.getKey(), source);
        }
        return build(body, () -> new SqlSource(str(m, "query"), sources));
    }

    private static String str(Map<String, YamlNode> m, String key) {
        return m.containsKey(key) ? m.get(key).string() : null;
    }

    private static boolean required(Map<String, YamlNode> m, String key, YamlNode parent) {
        if (!m.containsKey(key)) {
            parent.problem("missing required key '" + key + "'");
            return false;
        }
        return true;
    }

    /** The record the supplier builds, or null after recording its constructor's complaint at {@code node}. */
    private static Source build(YamlNode node, Supplier<Source> supplier) {
        try {
            return supplier.get();
        } catch (IllegalArgumentException e) {
            node.problem(firstLine(e.getMessage()));
            return null;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid source";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
