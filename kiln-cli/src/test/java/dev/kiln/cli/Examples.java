package dev.kiln.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies a shipped example (spec and data, no store) into a scratch folder, so tests never write into the repo. */
final class Examples {
    private Examples() {
    }

    /** The repository's {@code examples/NAME}, found from the module folder Maven runs tests in. */
    static Path source(String name) {
        Path fromModule = Path.of("..", "examples", name);
        return Files.isDirectory(fromModule) ? fromModule : Path.of("examples", name);
    }

    static Path copy(String name, Path target) throws IOException {
        Path source = source(name);
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path p : paths.filter(p -> !p.toString().contains(".kiln")).toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }
}
