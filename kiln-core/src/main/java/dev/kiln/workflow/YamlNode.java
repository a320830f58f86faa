package dev.kiln.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node with its spec path and line, and typed accessors that record a {@link SpecProblem}
 * (and return null) instead of throwing, so that one pass reports every problem of a spec.
 */
final class YamlNode {
    private final Node node;
    private final String path;
    private final List<SpecProblem> problems;

    YamlNode(Node node, String path, List<SpecProblem> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    void problem(String message) {
        problems.add(new SpecProblem(path, line(), message));
    }

    /** The entries of a mapping, reporting keys outside {@code allowed}; null (and a problem) if not a mapping. */
    Map<String, YamlNode> mapping(Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            problem("expected a mapping, found " + describe());
            return null;
        }
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            String childPath = path.isEmpty() ? key : path + "." + key;
            YamlNode child = new YamlNode(tuple.getValueNode(), childPath, problems);
            if (allowed != null && !allowed.contains(key)) {
                problems.add(new SpecProblem(childPath, tuple.getKeyNode().getStartMark().getLine() + 1,
                        "unknown key '" + key + "' (known: " + String.join(", ", sorted(allowed)) + ")"));
                continue;
            }
            if (out.put(key, child) != null) {
                child.problem("duplicate key '" + key + "'");
            }
        }
        return out;
    }

    /** The items of a sequence; null (and a problem) if not a sequence. */
    List<YamlNode> sequence() {
        if (!(node instanceof SequenceNode sequence)) {
            problem("expected a list, found " + describe());
            return null;
        }
        List<YamlNode> out = new ArrayList<>();
        List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
            out.add(new YamlNode(items.get(i), path + "[" + i + "]", problems));
        }
        return out;
    }

    boolean isScalar() {
        return node instanceof ScalarNode;
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    boolean isSequence() {
        return node instanceof SequenceNode;
    }

    /** A scalar's text; null (and a problem) if not a scalar. */
    String string() {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        problem("expected a value, found " + describe());
        return null;
    }

    /** A number in [min, max]; null (and a problem) otherwise. */
    Double number(double min, double max) {
        String text = string();
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
            problem("expected a number in [" + fmt(min) + ", " + fmt(max) + "], found " + text);
        } catch (NumberFormatException e) {
            problem("expected a number, found '" + text + "'");
        }
        return null;
    }

    /** An integer; null (and a problem) otherwise. */
    Long integer() {
        String text = string();
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            problem("expected an integer, found '" + text + "'");
            return null;
        }
    }

    /** true or false; null (and a problem) otherwise. */
    Boolean bool() {
        String text = string();
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> {
                problem("expected true or false, found '" + text + "'");
                yield null;
            }
        };
    }

    /** One of {@code allowed}; null (and a problem) otherwise. */
    String choice(List<String> allowed) {
        String text = string();
        if (text != null && !allowed.contains(text)) {
            problem("unknown value '" + text + "' (known: " + String.join(", ", allowed) + ")");
            return null;
        }
        return text;
    }

    /** A list of strings; a single scalar counts as a list of one. */
    List<String> strings() {
        if (node instanceof ScalarNode scalar) {
            return List.of(scalar.getValue());
        }
        List<YamlNode> items = sequence();
        if (items == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : items) {
            String s = item.string();
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private String describe() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
