package dev.kiln.workflow;

import dev.kiln.prep.Expression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code prepare:} section of a spec into {@link Spec.Prepare}, recording a problem with its
 * path and line for every mistake, and remembering each column name it mentions (with its node) so
 * that {@link SpecLoader} can check them against the data's header.
 */
final class PrepareLoader {
    /** A column named in the section, and where. */
    record ColumnUse(String column, YamlNode node, String what) {
    }

    private static final Set<String> KEYS = Set.of("drop", "impute", "missing", "duplicates", "outliers", "scale", "transform",
            "encode", "dates", "text", "features", "interactions", "bins", "select");
    private static final List<String> DATE_PARTS = List.of("year", "month", "day", "dow", "hour", "cyclical", "elapsed");

    private final List<ColumnUse> uses = new ArrayList<>();
    private final List<String> derived = new ArrayList<>();

    List<ColumnUse> uses() {
        return uses;
    }

    /** Names of the derived features, which later parts may also use. */
    List<String> derived() {
        return derived;
    }

    Spec.Prepare load(YamlNode node) {
        if (node.isScalar()) {
            String value = node.choice(List.of("auto", "none"));
            Spec.Prepare defaults = Spec.Prepare.defaults();
            return value == null ? null : new Spec.Prepare(List.of(), value.equals("auto"), defaults.missing(), null, null,
                    null, null, defaults.encode(), null, null, Map.of(), List.of(), null, null);
        }
        Map<String, YamlNode> m = node.mapping(KEYS);
        if (m == null) {
            return null;
        }
        List<String> drop = columns(m.get("drop"), "drop");
        Spec.Missing missing = missing(m.get("missing"), m.get("impute"));
        Spec.Duplicates duplicates = m.containsKey("duplicates") ? duplicates(m.get("duplicates")) : null;
        Spec.Outliers outliers = m.containsKey("outliers") ? outliers(m.get("outliers")) : null;
        String scale = m.containsKey("scale") ? m.get("scale").choice(List.of("standard", "min_max", "robust", "none")) : null;
        Spec.Transform transform = m.containsKey("transform") ? transform(m.get("transform")) : null;
        Spec.Encode encode = m.containsKey("encode") ? encode(m.get("encode")) : Spec.Encode.defaults();
        List<String> dates = m.containsKey("dates") ? dates(m.get("dates")) : null;
        Spec.Text text = m.containsKey("text") ? text(m.get("text")) : null;
        Map<String, String> features = m.containsKey("features") ? features(m.get("features")) : Map.of();
        List<String> interactions = columns(m.get("interactions"), "interactions");
        Spec.Bins bins = m.containsKey("bins") ? bins(m.get("bins")) : null;
        Spec.Select select = m.containsKey("select") ? select(m.get("select")) : null;
        if (missing == null || encode == null) {
            return null;
        }
        return new Spec.Prepare(drop, false, missing, duplicates, outliers, "none".equals(scale) ? null : scale, transform, encode,
                dates, text, features, interactions, bins, select);
    }

    private List<String> columns(YamlNode node, String what) {
        if (node == null) {
            return List.of();
        }
        List<String> names = node.strings();
        if (names == null) {
            return List.of();
        }
        names.forEach(name -> uses.add(new ColumnUse(name, node, what)));
        return names;
    }

    /** {@code missing:} with {@code impute:} as the older spelling of its numeric and categorical keys. */
    private Spec.Missing missing(YamlNode node, YamlNode impute) {
        Spec.Missing d = Spec.Missing.defaults();
        String numeric = d.numeric();
        String categorical = d.categorical();
        if (impute != null) {
            Map<String, YamlNode> i = impute.mapping(Set.of("numeric", "categorical"));
            numeric = i != null && i.containsKey("numeric") ? i.get("numeric").choice(List.of("median", "mean")) : numeric;
            categorical = i != null && i.containsKey("categorical") ? i.get("categorical").choice(List.of("most_frequent")) : categorical;
        }
        if (node == null) {
            return numeric == null || categorical == null ? null : new Spec.Missing(numeric, categorical, 0, "missing", false,
                    null, null, Map.of(), 5);
        }
        if (node.isScalar()) {
            String strategy = node.choice(List.of("median", "mean", "most_frequent", "knn"));
            return strategy == null ? null : new Spec.Missing(strategy, categorical, 0, "missing", false, null, null, Map.of(), 5);
        }
        Map<String, YamlNode> m = node.mapping(Set.of("numeric", "strategy", "categorical", "constant", "label", "indicators",
                "drop_columns", "drop_rows", "tokens", "neighbours"));
        if (m == null) {
            return null;
        }
        YamlNode strategyNode = m.containsKey("numeric") ? m.get("numeric") : m.get("strategy");
        if (strategyNode != null) {
            numeric = strategyNode.choice(List.of("median", "mean", "most_frequent", "constant", "knn"));
        }
        if (m.containsKey("categorical")) {
            categorical = m.get("categorical").choice(List.of("most_frequent", "constant"));
        }
        Double constant = m.containsKey("constant") ? m.get("constant").number(-1e300, 1e300) : Double.valueOf(0);
        String label = m.containsKey("label") ? m.get("label").string() : "missing";
        Boolean indicators = m.containsKey("indicators") ? m.get("indicators").bool() : Boolean.FALSE;
        Double dropColumns = m.containsKey("drop_columns") ? m.get("drop_columns").number(0, 1) : null;
        Double dropRows = m.containsKey("drop_rows") ? m.get("drop_rows").number(0, 1) : null;
        Long neighbours = m.containsKey("neighbours") ? m.get("neighbours").integer() : Long.valueOf(5);
        if (neighbours != null && neighbours < 1) {
            m.get("neighbours").problem("expected at least 1, found " + neighbours);
        }
        Map<String, List<String>> tokens = new LinkedHashMap<>();
        if (m.containsKey("tokens")) {
            Map<String, YamlNode> t = m.get("tokens").mapping(null);
            for (Map.Entry<String, YamlNode> e : (t == null ? Map.<String, YamlNode>of() : t).entrySet()) {
                uses.add(new ColumnUse(e.getKey(), e.getValue(), "missing.tokens"));
                List<String> values = e.getValue().strings();
                if (values != null) {
                    tokens.put(e.getKey(), values);
                }
            }
        }
        if (numeric == null || categorical == null || constant == null || label == null || indicators == null || neighbours == null) {
            return null;
        }
        return new Spec.Missing(numeric, categorical, constant, label, indicators, dropColumns, dropRows, tokens, neighbours.intValue());
    }

    private Spec.Duplicates duplicates(YamlNode node) {
        if (node.isScalar()) {
            return node.choice(List.of("drop")) == null ? null : new Spec.Duplicates(List.of(), "first");
        }
        Map<String, YamlNode> m = node.mapping(Set.of("keys", "keep"));
        if (m == null) {
            return null;
        }
        String keep = m.containsKey("keep") ? m.get("keep").choice(List.of("first", "last")) : "first";
        List<String> keys = columns(m.get("keys"), "duplicates.keys");
        return keep == null ? null : new Spec.Duplicates(keys, keep);
    }

    private Spec.Outliers outliers(YamlNode node) {
        if (node.isScalar()) {
            String method = node.choice(List.of("iqr", "zscore", "isolation_forest"));
            if ("isolation_forest".equals(method)) {
                return new Spec.Outliers(method, Double.NaN, "flag", List.of());
            }
            return method == null ? null : new Spec.Outliers(method, method.equals("iqr") ? 1.5 : 3.0, "clip", List.of());
        }
        Map<String, YamlNode> m = node.mapping(Set.of("method", "factor", "action", "columns", "contamination", "trees", "max_samples"));
        if (m == null) {
            return null;
        }
        String method = m.containsKey("method") ? m.get("method").choice(List.of("iqr", "zscore", "isolation_forest")) : "iqr";
        if ("isolation_forest".equals(method)) {
            return isolationForest(m);
        }
        for (String key : List.of("contamination", "trees", "max_samples")) {
            if (m.containsKey(key)) {
                m.get(key).problem("'" + key + "' applies to method isolation_forest only");
            }
        }
        Double factor = m.containsKey("factor") ? m.get("factor").number(0.01, 100) : Double.valueOf("zscore".equals(method) ? 3.0 : 1.5);
        String action = m.containsKey("action") ? m.get("action").choice(List.of("clip", "flag", "drop")) : "clip";
        List<String> columns = columns(m.get("columns"), "outliers.columns");
        return method == null || factor == null || action == null ? null : new Spec.Outliers(method, factor, action, columns);
    }

    private Spec.Outliers isolationForest(Map<String, YamlNode> m) {
        if (m.containsKey("factor")) {
            m.get("factor").problem("'factor' does not apply to method isolation_forest (use contamination)");
        }
        String action = m.containsKey("action") ? m.get("action").choice(List.of("flag", "drop")) : "flag";
        Double contamination = Double.NaN;
        if (m.containsKey("contamination") && !"auto".equals(m.get("contamination").string())) {
            contamination = m.get("contamination").number(1e-6, 0.5);
        }
        Double trees = m.containsKey("trees") ? m.get("trees").number(1, 10_000) : Double.valueOf(100);
        Double maxSamples = m.containsKey("max_samples") ? m.get("max_samples").number(2, 1e9) : Double.valueOf(256);
        List<String> columns = columns(m.get("columns"), "outliers.columns");
        if (action == null || contamination == null || trees == null || maxSamples == null) {
            return null;
        }
        return new Spec.Outliers("isolation_forest", Double.NaN, action, columns, contamination, trees.intValue(), maxSamples.intValue());
    }

    private Spec.Transform transform(YamlNode node) {
        List<String> methods = List.of("log", "yeo_johnson");
        if (node.isScalar()) {
            String method = node.choice(methods);
            return method == null ? null : new Spec.Transform(method, List.of());
        }
        Map<String, YamlNode> m = node.mapping(Set.of("method", "columns"));
        if (m == null) {
            return null;
        }
        String method = m.containsKey("method") ? m.get("method").choice(methods) : "yeo_johnson";
        List<String> columns = columns(m.get("columns"), "transform.columns");
        return method == null ? null : new Spec.Transform(method, columns);
    }

    private Spec.Encode encode(YamlNode node) {
        List<String> methods = List.of("onehot", "ordinal", "frequency", "target");
        if (node.isScalar()) {
            String method = node.choice(methods);
            return method == null ? null : new Spec.Encode(method, Integer.MAX_VALUE, 0.0, Map.of());
        }
        Map<String, YamlNode> m = node.mapping(Set.of("method", "max_levels", "min_frequency", "order"));
        if (m == null) {
            return null;
        }
        String method = m.containsKey("method") ? m.get("method").choice(methods) : "onehot";
        Long maxLevels = m.containsKey("max_levels") ? m.get("max_levels").integer() : Long.valueOf(Integer.MAX_VALUE);
        if (maxLevels != null && maxLevels < 1) {
            m.get("max_levels").problem("expected at least 1, found " + maxLevels);
        }
        Double minFrequency = m.containsKey("min_frequency") ? m.get("min_frequency").number(0, 0.99) : Double.valueOf(0);
        Map<String, List<String>> order = new LinkedHashMap<>();
        if (m.containsKey("order")) {
            Map<String, YamlNode> o = m.get("order").mapping(null);
            for (Map.Entry<String, YamlNode> e : (o == null ? Map.<String, YamlNode>of() : o).entrySet()) {
                uses.add(new ColumnUse(e.getKey(), e.getValue(), "encode.order"));
                List<String> levels = e.getValue().strings();
                if (levels != null) {
                    order.put(e.getKey(), levels);
                }
            }
        }
        if (method == null || maxLevels == null || minFrequency == null) {
            return null;
        }
        return new Spec.Encode(method, (int) Math.min(Integer.MAX_VALUE, maxLevels), minFrequency, order);
    }

    private List<String> dates(YamlNode node) {
        if (node.isScalar() && "all".equals(node.string())) {
            return DATE_PARTS;
        }
        List<YamlNode> items = node.isScalar() ? List.of(node) : node.sequence();
        if (items == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (YamlNode item : items) {
            String part = item.choice(DATE_PARTS);
            if (part != null) {
                parts.add(part);
            }
        }
        return parts;
    }

    private Spec.Text text(YamlNode node) {
        List<String> methods = List.of("tfidf", "hashed");
        if (node.isScalar()) {
            String method = node.choice(methods);
            return method == null ? null : new Spec.Text(method, method.equals("tfidf") ? 20 : 32);
        }
        Map<String, YamlNode> m = node.mapping(Set.of("method", "size"));
        if (m == null) {
            return null;
        }
        String method = m.containsKey("method") ? m.get("method").choice(methods) : "tfidf";
        Double size = m.containsKey("size") ? m.get("size").number(1, 100_000) : Double.valueOf("hashed".equals(method) ? 32 : 20);
        return method == null || size == null ? null : new Spec.Text(method, size.intValue());
    }

    private Map<String, String> features(YamlNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        List<YamlNode> items = node.sequence();
        for (YamlNode item : items == null ? List.<YamlNode>of() : items) {
            Map<String, YamlNode> m = item.mapping(Set.of("name", "expr"));
            if (m == null || !m.containsKey("name") || !m.containsKey("expr")) {
                if (m != null) {
                    item.problem("expected both name and expr");
                }
                continue;
            }
            String name = m.get("name").string();
            String expr = m.get("expr").string();
            if (name == null || expr == null) {
                continue;
            }
            try {
                Expression expression = Expression.parse(expr);
                expression.columns(column -> {
                    if (!derived.contains(column)) {
                        uses.add(new ColumnUse(column, m.get("expr"), "features." + name));
                    }
                });
                out.put(name, expr);
                derived.add(name);
            } catch (IllegalArgumentException e) {
                m.get("expr").problem(e.getMessage());
            }
        }
        return out;
    }

    private Spec.Bins bins(YamlNode node) {
        Map<String, YamlNode> m = node.mapping(Set.of("bins", "method", "columns"));
        if (m == null) {
            return null;
        }
        Double bins = m.containsKey("bins") ? m.get("bins").number(2, 1000) : Double.valueOf(5);
        String method = m.containsKey("method") ? m.get("method").choice(List.of("quantile", "uniform")) : "quantile";
        List<String> columns = columns(m.get("columns"), "bins.columns");
        return bins == null || method == null ? null : new Spec.Bins(bins.intValue(), method, columns);
    }

    private Spec.Select select(YamlNode node) {
        Map<String, YamlNode> m = node.mapping(Set.of("variance", "correlation", "mutual_information", "importance"));
        if (m == null) {
            return null;
        }
        Double variance = m.containsKey("variance") ? m.get("variance").number(0, 1e300) : null;
        Double correlation = m.containsKey("correlation") ? m.get("correlation").number(0, 1) : null;
        Long top = m.containsKey("mutual_information") ? m.get("mutual_information").integer() : null;
        if (top != null && top < 1) {
            m.get("mutual_information").problem("expected the number of features to keep (at least 1), found " + top);
        }
        Double importance = m.containsKey("importance") ? m.get("importance").number(0, 1e9) : null;
        if (importance != null && !(importance > 0 && importance < 1 || importance >= 1 && importance == Math.rint(importance))) {
            m.get("importance").problem("expected the number of features to keep (an integer, at least 1) or a share of the "
                    + "total importance in (0, 1), found " + importance);
            importance = null;
        }
        return new Spec.Select(variance, correlation, top == null ? null : top.intValue(), importance);
    }
}
