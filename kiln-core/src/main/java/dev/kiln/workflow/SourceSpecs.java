package dev.kiln.workflow;

import dev.kiln.data.source.Source;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Source spec files for {@code kiln collect}: YAML or JSON holding one source mapping, either as the whole
 * document ({@code {jdbc: {url: ..., table: ...}}}) or under {@code source:}. Written as in a workflow spec's
 * {@code data.source}; relative paths start from the file's folder.
 */
public final class SourceSpecs {
    private SourceSpecs() {
    }

    /** True when {@code file} parses as a mapping whose keys name a source kind or {@code source}. */
    public static boolean looksLikeSourceSpec(Path file) throws IOException {
        Node root = compose(file, new ArrayList<>());
        if (!(root instanceof MappingNode mapping)) {
            return false;
        }
        Set<String> keys = new HashSet<>();
        mapping.getValue().forEach(t -> keys.add(t.getKeyNode() instanceof ScalarNode s ? s.getValue() : ""));
        return keys.contains("source") || SourceLoader.KINDS.stream().anyMatch(keys::contains);
    }

    /** The source in {@code file}; {@link SpecException} listing every problem when it is not valid. */
    public static Source load(Path file) throws IOException {
        List<SpecProblem> problems = new ArrayList<>();
        Node root = compose(file, problems);
        if (root == null) {
            problems.add(new SpecProblem("", 1, "empty source spec, expected a mapping such as {csv: data.csv}"));
            throw new SpecException(file.toString(), problems);
        }
        YamlNode node = new YamlNode(root, "", problems);
        Map<String, YamlNode> top = node.isMapping() ? node.mapping(null) : null;
        YamlNode sourceNode = top != null && top.containsKey("source") && top.size() == 1 ? top.get("source") : new YamlNode(root, "", problems);
        Source source = SourceLoader.source(sourceNode);
        if (!problems.isEmpty() || source == null) {
            throw new SpecException(file.toString(), problems);
        }
        return source;
    }

    private static Node compose(Path file, List<SpecProblem> problems) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SpecException(file.toString(), List.of(new SpecProblem("", 0, "no such file")));
        }
        try {
            LoaderOptions options = new LoaderOptions();
            return new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(new SpecProblem("", line, "not valid YAML: " + e.getProblem()));
            throw new SpecException(file.toString(), problems);
        }
    }
}
