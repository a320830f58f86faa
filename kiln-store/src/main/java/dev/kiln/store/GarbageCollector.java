package dev.kiln.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Deletes artifacts nothing refers to: directories of runs the store does not know (orphans), of failed runs
 * whose bundle no model version uses, temporary files ({@code .bundle-*}, {@code .tmp-*}) inside ended runs, and
 * leftovers of an interrupted collection. Never touches a running run's directory.
 *
 * <p>Crash safety: a directory is first renamed into {@code artifacts/trash/} (atomic), then the deletion is
 * recorded in the audit log, then the tree is deleted; a crash at any point leaves at most a trash directory that
 * the next collection removes. The directories are listed before the database is read, so a run that starts
 * meanwhile (its row is written before its directory) is never taken for an orphan.
 */
final class GarbageCollector {
    private final Database database;
    private final Artifacts artifacts;
    private final AuditLog audit;

    GarbageCollector(Database database, Artifacts artifacts, AuditLog audit) {
        this.database = database;
        this.artifacts = artifacts;
        this.audit = audit;
    }

    List<ArtifactDeletion> collect(boolean dryRun, String reason) {
        try {
            List<ArtifactDeletion> garbage = find();
            if (!dryRun) {
                for (ArtifactDeletion deletion : garbage) {
                    delete(deletion, reason);
                }
            }
            return List.copyOf(garbage);
        } catch (IOException e) {
            throw new UncheckedIOException("garbage collection in " + artifacts.root() + " failed: " + e.getMessage(), e);
        }
    }

    private List<ArtifactDeletion> find() throws IOException {
        List<Path> runDirs = children(artifacts.runsRoot());
        List<Path> trash = children(trashRoot());
        Map<String, String> statuses = new HashMap<>();
        List<Path> bundles = new ArrayList<>();
        database.read(connection -> {
            Sql.query(connection, "SELECT id, status FROM runs", rows -> statuses.put(rows.getString(1), rows.getString(2)));
            Sql.query(connection, "SELECT bundle_path FROM model_versions",
                    rows -> bundles.add(Path.of(rows.getString(1)).toAbsolutePath().normalize()));
            return null;
        });
        var garbage = new ArrayList<ArtifactDeletion>();
        for (Path dir : runDirs) {
            String name = dir.getFileName().toString();
            String status = Artifacts.isRunId(name) ? statuses.get(name) : null;
            Path absolute = dir.toAbsolutePath().normalize();
            boolean used = bundles.stream().anyMatch(b -> b.startsWith(absolute));
            if (status == null && !used) {
                garbage.add(deletion(dir, null, "orphan"));
            } else if (Run.FAILED.equals(status) && !used) {
                garbage.add(deletion(dir, name, "failed run"));
            } else if (status != null && !Run.RUNNING.equals(status)) {
                for (Path child : children(dir)) {
                    if (child.getFileName().toString().startsWith(".")) {
                        garbage.add(deletion(child, name, "temporary"));
                    }
                }
            }
        }
        for (Path dir : trash) {
            garbage.add(deletion(dir, null, "unfinished deletion"));
        }
        return garbage;
    }

    private void delete(ArtifactDeletion deletion, String reason) throws IOException {
        Path trashed = deletion.path();
        if (!trashed.startsWith(trashRoot())) {
            Files.createDirectories(trashRoot());
            trashed = Files.createTempDirectory(trashRoot(), deletion.path().getFileName() + "-");
            Files.move(deletion.path(), trashed, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        database.inTransaction(connection -> {
            audit.record(connection, new AuditLog.Change(AuditEntry.GC, null, null, null, deletion.runId(),
                    "deleted " + deletion.path() + " (" + deletion.why() + ", " + deletion.bytes() + " bytes)"), reason);
            return null;
        });
        Artifacts.deleteTree(trashed);
    }

    private Path trashRoot() {
        return artifacts.root().resolve("trash");
    }

    private static ArtifactDeletion deletion(Path path, String runId, String why) throws IOException {
        long bytes = 0;
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                bytes += Files.size(file);
            }
        }
        return new ArtifactDeletion(path, runId, why, bytes);
    }

    private static List<Path> children(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.list(directory)) {
            return paths.sorted().toList();
        }
    }
}
