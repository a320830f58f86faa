package dev.kiln.data.source;

import dev.kiln.data.InvalidDataException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/** File names with wildcards ({@code data/2024-*.csv}, {@code logs/**.log}): the files they match, sorted by path. */
final class Globs {
    private Globs() {
    }

    static boolean isGlob(String path) {
        return path.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /** The files {@code pattern} names under {@code context}'s folder; one file when it has no wildcard. */
    static List<Path> expand(SourceContext context, String pattern, Source source) throws IOException {
        if (!isGlob(pattern)) {
            Path file = context.resolve(pattern);
            if (!Files.isRegularFile(file)) {
                throw new InvalidDataException(source.describe() + ": no such file: " + file);
            }
            return List.of(file);
        }
        Path absolute = context.resolve(pattern);
        Path root = absolute.getRoot();
        Path fixed = root;
        for (Path part : root.relativize(absolute)) {
            if (isGlob(part.toString())) {
                break;
            }
            fixed = fixed.resolve(part);
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolute);
        List<Path> files = List.of();
        if (Files.isDirectory(fixed)) {
            try (Stream<Path> walk = Files.walk(fixed)) {
                files = walk.filter(Files::isRegularFile).filter(matcher::matches).sorted().toList();
            }
        }
        if (files.isEmpty()) {
            throw new InvalidDataException(source.describe() + ": no files match " + absolute);
        }
        return files;
    }
}
