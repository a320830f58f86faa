package dev.kiln.store;

import static dev.kiln.data.Checks.checkArgument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** The artifact tree on the local file system: {@code <kilnDir>/artifacts/runs/<run id>/}. */
final class Artifacts {
    /** Run ids as {@link RunIds} makes them; anything else could escape the artifact tree. */
    private static final Pattern RUN_ID = Pattern.compile("[0-9a-z][0-9a-z-]{0,63}");

    private final Path root;

    Artifacts(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** The directory of a run's artifacts, whether or not it exists yet. */
    Path runDirectory(String runId) {
        checkArgument(runId != null && RUN_ID.matcher(runId).matches(), "malformed run id: '%s'", runId);
        return root.resolve("runs").resolve(runId);
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
