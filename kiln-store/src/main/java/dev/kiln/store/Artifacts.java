package dev.kiln.store;

import static dev.kiln.data.Checks.checkArgument;

import dev.kiln.data.Hashes;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The artifact tree on the local file system: {@code <kilnDir>/artifacts/runs/<run id>/}. */
final class Artifacts {
    /** Run ids as {@link RunIds} makes them; anything else could escape the artifact tree. */
    private static final Pattern RUN_ID = Pattern.compile("[0-9a-z][0-9a-z-]{0,63}");
    /** Artifact file names: one path segment, not hidden. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

    private final Path root;

    Artifacts(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** The directory of a run's artifacts, whether or not it exists yet. */
    static boolean isRunId(String name) {
        return RUN_ID.matcher(name).matches();
    }

    Path runDirectory(String runId) {
        checkArgument(runId != null && RUN_ID.matcher(runId).matches(), "malformed run id: '%s'", runId);
        return root.resolve("runs").resolve(runId);
    }

    /** The directory holding every run's artifact directory. */
    Path runsRoot() {
        return root.resolve("runs");
    }

    /**
     * Copies {@code source} into the run's artifact directory as {@code name}, atomically: written to a temporary
     * file beside the target and renamed into place, so the target is either absent or complete.
     */
    Path copyIn(String runId, String name, Path source) {
        checkArgument(name != null && FILE_NAME.matcher(name).matches(), "malformed artifact name: '%s'", name);
        Path directory = createRunDirectory(runId);
        Path target = directory.resolve(name);
        try {
            Path temp = Files.createTempFile(directory, ".tmp-", "-" + name);
            try {
                Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " into " + directory, e);
        }
    }

    /**
     * Every regular file in the run's artifact directory with its size and SHA-256, sorted by path; temporary
     * files and directories (names starting with '.') are left out.
     */
    List<ArtifactFile> list(String runId) {
        Path directory = runDirectory(runId);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            var files = new ArrayList<ArtifactFile>();
            for (Path file : paths.filter(Files::isRegularFile).sorted().toList()) {
                String relative = directory.relativize(file).toString().replace(File.separatorChar, '/');
                if (!relative.startsWith(".") && !relative.contains("/.")) {
                    files.add(new ArtifactFile(relative, Files.size(file), Hashes.sha256(file)));
                }
            }
            return List.copyOf(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list artifacts in " + directory, e);
        }
    }

    /** Deletes a directory tree; missing files are fine (an earlier attempt may have removed them). */
    static long deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return 0;
        }
        long bytes = 0;
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isRegularFile(path)) {
                    bytes += Files.size(path);
                }
                Files.deleteIfExists(path);
            }
        }
        return bytes;
    }

    /** Creates (if needed) and returns the directory of a run's artifacts. */
    Path createRunDirectory(String runId) {
        Path directory = runDirectory(runId);
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create artifact directory " + directory, e);
        }
    }
}
