package dev.kiln;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Imports between kiln-core's packages go one way only ({@code workflow → tune → eval → learn → prep →
 * data}; {@code explore}, {@code monitor} and {@code report} use {@code data}/{@code eval}; {@code bundle}
 * uses {@code learn}/{@code prep}/{@code monitor}), and nothing in kiln-core imports store, server or CLI code.
 */
class PackageDependencyTest {
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.kiln\\.([a-z.]+?)\\.[A-Z]", Pattern.MULTILINE);

    /** Top-level package → the top-level packages it may import (besides itself). */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("data", Set.of()),
            Map.entry("prep", Set.of("data")),
            Map.entry("learn", Set.of("data", "prep")),
            Map.entry("eval", Set.of("data", "learn")),
            Map.entry("tune", Set.of("data", "prep", "learn", "eval")),
            Map.entry("explore", Set.of("data", "eval")),
            Map.entry("monitor", Set.of("data", "eval")),
            Map.entry("report", Set.of("data", "eval", "explore", "monitor")),
            Map.entry("bundle", Set.of("data", "prep", "learn", "monitor")),
            Map.entry("workflow", Set.of("data", "prep", "learn", "eval", "tune", "explore", "monitor", "report", "bundle")));

    @Test
    void importsFollowTheLayering() throws IOException {
        List<String> violations = new ArrayList<>();
        Path root = Path.of("src/main/java/dev/kiln");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(file.getParent()).toString().replace('/', '.');
                String top = pkg.split("\\.")[0];
                assertThat(ALLOWED).as("a rule for package %s", top).containsKey(top);
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String imported = m.group(1);
                    String importedTop = imported.split("\\.")[0];
                    boolean ok = importedTop.equals(top) ? sameTopAllowed(pkg, imported) : ALLOWED.get(top).contains(importedTop);
                    if (!ok) {
                        violations.add(file + " imports dev.kiln." + imported);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /**
     * Within a package family, the contracts ({@code learn}) never import the algorithm packages below
     * them ({@code learn.glm}, ...); only {@code learn.catalog} lists them.
     */
    private static boolean sameTopAllowed(String pkg, String imported) {
        boolean importsSubPackage = imported.contains(".") && !imported.equals(pkg);
        return !(importsSubPackage && !pkg.contains("."));
    }
}
