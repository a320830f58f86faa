package dev.kiln.workflow;

import dev.kiln.data.ColumnKind;
import dev.kiln.data.Hashes;
import dev.kiln.data.InvalidDataException;
import dev.kiln.data.source.CsvSource;
import dev.kiln.data.source.Source;
import dev.kiln.data.source.SourceContext;
import dev.kiln.eval.FairnessReport;
import dev.kiln.eval.Metric;
import dev.kiln.eval.UnsupervisedMetrics;
import dev.kiln.learn.catalog.Learners;
import dev.kiln.learn.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and validates a workflow spec: the one place where YAML becomes {@link Spec} records. Reports
 * every problem at once, each with its spec path and line; checks names against the data's header
 * (target, dropped columns, forced kinds) before any work is done.
 */
public final class SpecLoader {
    private static final Set<String> TOP = Set.of("name", "description", "problem", "data", "prepare", "split", "train", "monitor");
    private static final List<String> TASKS = List.of("classification", "regression", "clustering", "anomaly");

    private final List<SpecProblem> problems = new ArrayList<>();
    private final Path file;
    private final boolean checkSource;
    private YamlNode targetNode;
    private YamlNode kindsNode;
    private YamlNode sensitiveNode;
    private final PrepareLoader prepareLoader = new PrepareLoader();
    private final List<PrepareLoader.ColumnUse> splitColumns = new ArrayList<>();

    private SpecLoader(Path file, boolean checkSource) {
        this.file = file;
        this.checkSource = checkSource;
    }

    /** The spec in {@code file}; {@link SpecException} listing every problem when it is not valid. */
    public static Spec load(Path file) throws IOException {
        return load(file, true);
    }

    /**
     * The spec in {@code file}; with {@code checkSource} false the column names are not checked against the
     * source's header (for a run on a stored snapshot, whose source may have changed since).
     */
    public static Spec load(Path file, boolean checkSource) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SpecException(file.toString(), List.of(new SpecProblem("", 0, "no such file")));
        }
        return new SpecLoader(file, checkSource).parse(new String(bytes, StandardCharsets.UTF_8), Hashes.sha256(bytes));
    }

    private Spec parse(String text, String hash) throws IOException {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true); // reported as problems with their line instead
            root = new Yaml(new SafeConstructor(options)).compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw fail(new SpecProblem("", line, "not valid YAML: " + e.getProblem()));
        }
        if (root == null) {
            throw fail(new SpecProblem("", 1, "empty spec, expected a mapping with problem, data and train"));
        }
        Map<String, YamlNode> top = new YamlNode(root, "", problems).mapping(TOP);
        if (top == null) {
            throw fail();
        }
        String name = top.containsKey("name") ? top.get("name").string() : defaultName();
        Spec.Problem problem = required(top, "problem", 1) ? problem(top.get("problem")) : null;
        Spec.Data data = required(top, "data", 1) ? data(top.get("data")) : null;
        Spec.Prepare prepare = top.containsKey("prepare") ? prepareLoader.load(top.get("prepare")) : Spec.Prepare.defaults();
        Spec.Split split = top.containsKey("split") ? split(top.get("split"), problem) : new Spec.Split(0.2, 0.2, problem != null && problem.isClassification(), 42);
        Spec.Train train = required(top, "train", 1) ? train(top.get("train"), problem) : null;
        Spec.Monitor monitor = top.containsKey("monitor") ? monitor(top.get("monitor")) : new Spec.Monitor(0.1, 0.25);
        if (checkSource && data != null && problem != null && prepare != null) {
            checkColumns(top.get("data"), data, problem, prepare);
        }
        if (!problems.isEmpty()) {
            throw fail();
        }
        return new Spec(name, problem, data, prepare, split, train, monitor, file, hash);
    }

    private Spec.Problem problem(YamlNode node) {
        Map<String, YamlNode> m = node.mapping(Set.of("task", "target", "metric", "accept", "sensitive", "threshold"));
        if (m == null) {
            return null;
        }
        String task = required(m, "task", node) ? m.get("task").choice(TASKS) : null;
        Task unsupervised = task == null ? null : Task.fromLabel(task);
        if (unsupervised != null && unsupervised.isUnsupervised()) {
            return unsupervisedProblem(m, task, unsupervised);
        }
        targetNode = m.get("target");
        String target = required(m, "target", node) ? targetNode.string() : null;
        Task probe = "regression".equals(task) ? Task.REGRESSION : Task.BINARY;
        String metric = probe == Task.REGRESSION ? "rmse" : "roc_auc";
        if (m.containsKey("metric")) {
            metric = metricName(m.get("metric"), task == null ? null : probe);
        }
        List<String> sensitive = m.containsKey("sensitive") ? m.get("sensitive").strings() : List.of();
        sensitiveNode = m.get("sensitive");
        AcceptRule accept = null;
        if (m.containsKey("accept")) {
            accept = acceptRule(m.get("accept"), task == null ? null : probe, sensitive != null && !sensitive.isEmpty());
        }
        Spec.Threshold threshold = m.containsKey("threshold") ? threshold(m.get("threshold"), task) : null;
        return task == null || target == null || sensitive == null ? null
                : new Spec.Problem(task, target, metric, accept, sensitive, threshold);
    }

    /** {@code threshold: f1} or {@code threshold: { costs: { fp: 1, fn: 5 } }}; classification only. */
    private Spec.Threshold threshold(YamlNode node, String task) {
        if ("regression".equals(task)) {
            node.problem("threshold needs a classification task");
            return null;
        }
        if (node.isScalar()) {
            String rule = node.choice(List.of(Spec.Threshold.F1));
            return rule == null ? null : new Spec.Threshold(Spec.Threshold.F1, 0, 0);
        }
        Map<String, YamlNode> m = node.mapping(Set.of("costs"));
        if (m == null || !required(m, "costs", node)) {
            return null;
        }
        Map<String, YamlNode> costs = m.get("costs").mapping(Set.of("fp", "fn"));
        if (costs == null || !required(costs, "fp", m.get("costs")) || !required(costs, "fn", m.get("costs"))) {
            return null;
        }
        Double fp = costs.get("fp").number(0, Double.MAX_VALUE);
        Double fn = costs.get("fn").number(0, Double.MAX_VALUE);
        if (fp == null || fn == null) {
            return null;
        }
        if (fp + fn == 0) {
            m.get("costs").problem("costs fp and fn must not both be 0");
            return null;
        }
        return new Spec.Threshold(Spec.Threshold.COST, fp, fn);
    }

    /** {@code problem:} of clustering or anomaly: no target; metrics from {@link UnsupervisedMetrics}. */
    private Spec.Problem unsupervisedProblem(Map<String, YamlNode> m, String label, Task task) {
        if (m.containsKey("target")) {
            m.get("target").problem(label + " has no target (drop columns in prepare instead)");
        }
        List<String> known = UnsupervisedMetrics.labels(task);
        String metric = known.get(0);
        if (m.containsKey("metric")) {
            metric = m.get("metric").string();
            if (metric != null && !known.contains(metric)) {
                m.get("metric").problem("metric '" + metric + "' does not apply to " + label + " (known: " + String.join(", ", known) + ")");
            }
        }
        AcceptRule accept = null;
        if (m.containsKey("accept")) {
            String text = m.get("accept").string();
            try {
                accept = text == null ? null : AcceptRule.parse(text);
                for (String used : accept == null ? List.<String>of() : accept.metrics()) {
                    if (!known.contains(used)) {
                        m.get("accept").problem("metric '" + used + "' in rule does not apply to " + label + " (known: "
                                + String.join(", ", known) + ")");
                    }
                }
            } catch (IllegalArgumentException e) {
                m.get("accept").problem(e.getMessage());
            }
        }
        return new Spec.Problem(label, null, metric, accept);
    }

    private String metricName(YamlNode node, Task task) {
        String label = node.string();
        if (label == null) {
            return null;
        }
        Metric metric = Metric.fromLabel(label);
        if (metric == null) {
            node.problem("unknown metric '" + label + "' (known: " + String.join(", ", Metric.labels()) + ")");
        } else if (task != null && !metric.appliesTo(task)) {
            node.problem("metric '" + label + "' does not apply to " + (task == Task.REGRESSION ? "regression" : "classification"));
        }
        return label;
    }

    private AcceptRule acceptRule(YamlNode node, Task task, boolean hasSensitive) {
        String text = node.string();
        if (text == null) {
            return null;
        }
        try {
            AcceptRule rule = AcceptRule.parse(text);
            for (String metric : rule.metrics()) {
                Metric known = Metric.fromLabel(metric);
                if (FairnessReport.METRICS.contains(metric)) {
                    if (!hasSensitive) {
                        node.problem("'" + metric + "' in rule needs a sensitive column (problem.sensitive: [COLUMN])");
                    } else if (task == Task.REGRESSION) {
                        node.problem("'" + metric + "' in rule needs a classification task");
                    }
                } else if (known == null) {
                    node.problem("unknown metric '" + metric + "' in rule (known: " + String.join(", ", Metric.labels()) + ", "
                            + String.join(", ", FairnessReport.METRICS) + ")");
                } else if (task != null && !known.appliesTo(task)) {
                    node.problem("metric '" + metric + "' in rule does not apply to "
                            + (task == Task.REGRESSION ? "regression" : "classification"));
                }
            }
            return rule;
        } catch (IllegalArgumentException e) {
            node.problem(e.getMessage());
            return null;
        }
    }

    private Spec.Data data(YamlNode node) {
        Map<String, YamlNode> m = node.mapping(Set.of("source", "missing", "kinds"));
        if (m == null) {
            return null;
        }
        Source source = required(m, "source", node) ? SourceLoader.source(m.get("source")) : null;
        List<String> missing = m.containsKey("missing") ? m.get("missing").strings() : List.of();
        kindsNode = m.get("kinds");
        Map<String, ColumnKind> kinds = kindsNode != null ? kinds(kindsNode) : Map.of();
        return source == null || missing == null ? null : new Spec.Data(source, missing, kinds);
    }

    private Map<String, ColumnKind> kinds(YamlNode node) {
        Map<String, YamlNode> m = node.mapping(null);
        Map<String, ColumnKind> out = new LinkedHashMap<>();
        if (m == null) {
            return out;
        }
        List<String> labels = java.util.Arrays.stream(ColumnKind.values()).map(ColumnKind::label).toList();
        for (Map.Entry<String, YamlNode> e : m.entrySet()) {
            String label = e.getValue().choice(labels);
            if (label != null) {
                out.put(e.getKey(), ColumnKind.fromLabel(label));
            }
        }
        return out;
    }

    private Spec.Split split(YamlNode node, Spec.Problem problem) {
        Map<String, YamlNode> m = node.mapping(Set.of("test", "validation", "stratify", "seed", "cv", "repeats", "group", "time",
                "test_file"));
        if (m == null) {
            return null;
        }
        Double test = m.containsKey("test") ? m.get("test").number(0.01, 0.9) : Double.valueOf(0.2);
        Double validation = m.containsKey("validation") ? m.get("validation").number(0.0, 0.9) : Double.valueOf(0.2);
        Boolean stratify = m.containsKey("stratify") ? m.get("stratify").bool() : Boolean.valueOf(problem != null && problem.isClassification());
        Long seed = m.containsKey("seed") ? m.get("seed").integer() : Long.valueOf(42);
        if (test != null && validation != null && test + validation >= 0.95) {
            node.problem("test + validation = " + (test + validation) + " leaves too few training rows, expected below 0.95");
        }
        if (Boolean.TRUE.equals(stratify) && problem != null && !problem.isClassification()) {
            m.get("stratify").problem("stratify needs a classification task");
        }
        if (test == null || validation == null || stratify == null || seed == null) {
            return null;
        }
        return crossValidation(m, new Spec.Split(validation, test, stratify, seed));
    }

    /** The cross-validation and time, group and test-file keys of {@code split:}, added to {@code holdout}. */
    private Spec.Split crossValidation(Map<String, YamlNode> m, Spec.Split holdout) {
        Long cv = m.containsKey("cv") ? m.get("cv").integer() : Long.valueOf(0);
        if (cv != null && m.containsKey("cv") && (cv < 2 || cv > 50)) {
            m.get("cv").problem("expected an integer in [2, 50] folds, got " + cv);
        }
        Long repeats = m.containsKey("repeats") ? m.get("repeats").integer() : Long.valueOf(1);
        if (repeats != null && (repeats < 1 || repeats > 20)) {
            m.get("repeats").problem("expected an integer in [1, 20], got " + repeats);
        }
        String group = m.containsKey("group") ? m.get("group").string() : null;
        String time = m.containsKey("time") ? m.get("time").string() : null;
        if (group != null) {
            splitColumns.add(new PrepareLoader.ColumnUse(group, m.get("group"), "split.group"));
        }
        if (time != null) {
            splitColumns.add(new PrepareLoader.ColumnUse(time, m.get("time"), "split.time"));
            if (group != null) {
                m.get("time").problem("time and group cannot be combined: choose one");
            }
            if (repeats != null && repeats > 1) {
                m.get("repeats").problem("time-ordered folds cannot be repeated (they are not random)");
            }
        }
        if (repeats != null && repeats > 1 && cv != null && cv == 0) {
            m.get("repeats").problem("repeats needs cv (the number of folds)");
        }
        Path testFile = null;
        if (m.containsKey("test_file")) {
            String name = m.get("test_file").string();
            if (name != null) {
                testFile = file.toAbsolutePath().getParent().resolve(name);
                if (!Files.isRegularFile(testFile)) {
                    m.get("test_file").problem("no such file: " + testFile);
                }
            }
        }
        if (cv == null || repeats == null) {
            return null;
        }
        return new Spec.Split(holdout.validation(), m.containsKey("test_file") ? 0 : holdout.test(), holdout.stratify(),
                holdout.seed(), cv.intValue(), repeats.intValue(), group, time, testFile);
    }

    private Spec.Train train(YamlNode node, Spec.Problem problem) {
        Map<String, YamlNode> m = node.mapping(Set.of("learners", "seed", "search", "budget"));
        if (m == null) {
            return null;
        }
        List<Spec.LearnerSpec> learners = new ArrayList<>();
        boolean auto = m.containsKey("learners") && m.get("learners").isScalar() && "auto".equals(m.get("learners").string());
        if (!auto && required(m, "learners", node)) {
            List<YamlNode> items = m.get("learners").sequence();
            if (items != null && items.isEmpty()) {
                m.get("learners").problem("expected at least one learner");
            }
            for (YamlNode item : items == null ? List.<YamlNode>of() : items) {
                Spec.LearnerSpec learner = learner(item, problem);
                if (learner != null) {
                    learners.add(learner);
                }
            }
        }
        Long seed = m.containsKey("seed") ? m.get("seed").integer() : Long.valueOf(42);
        Spec.Search search = m.containsKey("search") ? search(m.get("search")) : null;
        java.time.Duration budget = null;
        if (m.containsKey("budget")) {
            String text = m.get("budget").string();
            try {
                budget = text == null ? null : Budget.parse(text);
            } catch (IllegalArgumentException e) {
                m.get("budget").problem(e.getMessage());
            }
        }
        return seed == null ? null : new Spec.Train(learners, seed, auto, search, budget);
    }

    /** {@code search: { method: tpe, trials: 40, cv: 5, prune: true }}. */
    private Spec.Search search(YamlNode node) {
        Map<String, YamlNode> m = node.mapping(Set.of("method", "trials", "cv", "prune"));
        if (m == null) {
            return null;
        }
        String method = m.containsKey("method") ? m.get("method").choice(dev.kiln.tune.SearchMethod.labels()) : "tpe";
        Long trials = m.containsKey("trials") ? m.get("trials").integer() : Long.valueOf(0);
        if (trials != null && (trials < 0 || trials > 100_000)) {
            m.get("trials").problem("expected an integer in [1, 100000], got " + trials);
        }
        Long cv = m.containsKey("cv") ? m.get("cv").integer() : Long.valueOf(0);
        if (cv != null && m.containsKey("cv") && (cv < 2 || cv > 50)) {
            m.get("cv").problem("expected an integer in [2, 50] folds, got " + cv);
        }
        Boolean prune = m.containsKey("prune") ? m.get("prune").bool() : Boolean.TRUE;
        if (method == null || trials == null || cv == null || prune == null) {
            return null;
        }
        return new Spec.Search(method, trials.intValue(), cv.intValue(), prune);
    }

    /** A learner written as {@code name} or as {@code {name: tree, params: {max_depth: 4}}}. */
    private Spec.LearnerSpec learner(YamlNode node, Spec.Problem problem) {
        String name;
        Map<String, String> params = new LinkedHashMap<>();
        YamlNode paramsNode = null;
        if (node.isScalar()) {
            name = node.string();
        } else {
            Map<String, YamlNode> m = node.mapping(Set.of("name", "params"));
            if (m == null || !required(m, "name", node)) {
                return null;
            }
            name = m.get("name").string();
            paramsNode = m.get("params");
            Map<String, YamlNode> p = paramsNode == null ? Map.of() : paramsNode.mapping(null);
            for (Map.Entry<String, YamlNode> e : (p == null ? Map.<String, YamlNode>of() : p).entrySet()) {
                String value = e.getValue().string();
                if (value != null) {
                    params.put(e.getKey(), value);
                }
            }
        }
        if (name == null) {
            return null;
        }
        if (!Learners.names().contains(name)) {
            node.problem("unknown learner '" + name + "' (known: " + String.join(", ", Learners.names()) + ")");
            return null;
        }
        if (problem != null) {
            Task task = problem.unsupervisedTask() != null ? problem.unsupervisedTask()
                    : problem.isClassification() ? Task.BINARY : Task.REGRESSION;
            if (!Learners.supports(name, task)) {
                node.problem("learner '" + name + "' does not support " + problem.task());
            }
        }
        try {
            Learners.create(name, params);
        } catch (IllegalArgumentException e) {
            (paramsNode == null ? node : paramsNode).problem(e.getMessage());
        }
        return new Spec.LearnerSpec(name, params);
    }

    private Spec.Monitor monitor(YamlNode node) {
        return new MonitorLoader().load(node);
    }

    /** Checks the names the spec uses against the header of a CSV source; other sources are checked when read. */
    private void checkColumns(YamlNode dataNode, Spec.Data data, Spec.Problem problem, Spec.Prepare prepare) throws IOException {
        if (!(data.source() instanceof CsvSource csv)) {
            return;
        }
        List<String> header;
        try {
            header = csv.header(SourceContext.of(file.toAbsolutePath().getParent()));
        } catch (InvalidDataException e) {
            dataNode.problem("cannot read the data: " + e.getMessage());
            return;
        }
        String columns = " (columns: " + String.join(", ", header) + ")";
        if (problem.target() != null && !header.contains(problem.target())) {
            targetNode.problem("'" + problem.target() + "' is not a column of " + csv.path() + columns);
        }
        for (String column : problem.sensitive()) {
            if (!header.contains(column)) {
                sensitiveNode.problem("sensitive: '" + column + "' is not a column" + columns);
            } else if (column.equals(problem.target())) {
                sensitiveNode.problem("sensitive: cannot use the target '" + column + "'");
            }
        }
        for (PrepareLoader.ColumnUse use : prepareLoader.uses()) {
            String column = use.column();
            boolean derived = !use.what().equals("drop") && prepareLoader.derived().contains(column);
            if (!header.contains(column) && !derived) {
                use.node().problem(use.what() + ": '" + column + "' is not a column" + columns);
            } else if (column.equals(problem.target())) {
                use.node().problem(use.what() + ": cannot use the target '" + column + "' in prepare");
            }
        }
        for (PrepareLoader.ColumnUse use : splitColumns) {
            if (!header.contains(use.column())) {
                use.node().problem("'" + use.column() + "' is not a column" + columns);
            } else if (use.column().equals(problem.target())) {
                use.node().problem("cannot use the target '" + use.column() + "'");
            }
        }
        for (String column : data.kinds().keySet()) {
            if (!header.contains(column)) {
                kindsNode.problem("'" + column + "' is not a column" + columns);
            }
        }
    }

    private boolean required(Map<String, YamlNode> m, String key, int line) {
        if (!m.containsKey(key)) {
            problems.add(new SpecProblem(key, line, "missing required section '" + key + "'"));
            return false;
        }
        return true;
    }

    private boolean required(Map<String, YamlNode> m, String key, YamlNode parent) {
        if (!m.containsKey(key)) {
            parent.problem("missing required key '" + key + "'");
            return false;
        }
        return true;
    }

    private String defaultName() {
        String fileName = file.toAbsolutePath().getParent().getFileName().toString();
        return fileName.isEmpty() ? "model" : fileName;
    }

    private SpecException fail(SpecProblem... extra) {
        problems.addAll(List.of(extra));
        return new SpecException(file.toString(), problems);
    }
}
