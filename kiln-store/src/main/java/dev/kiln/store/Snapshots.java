package dev.kiln.store;

import static dev.kiln.data.Checks.checkArgument;

import dev.kiln.data.Frame;
import dev.kiln.data.FrameDigest;
import dev.kiln.data.InvalidDataException;
import dev.kiln.data.source.ParquetFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Dataset snapshots: the {@code snapshots} table and the Parquet files under {@code artifacts/datasets/}.
 * Writing is idempotent (the same content is stored once) and atomic (the file is written under a temporary name
 * and renamed before its row is committed). Reading checks the rows against the id and refuses a mismatch.
 */
final class Snapshots {
    private static final String COLUMNS = "id, name, row_count, col_count, schema_json, source, created_ms";
    private static final Pattern ID_PREFIX = Pattern.compile("[0-9a-f]{6,64}");

    private final Database database;
    private final Path directory;
    private final Clock clock;

    Snapshots(Database database, Path artifactsRoot, Clock clock) {
        this.database = database;
        this.directory = artifactsRoot.resolve("datasets");
        this.clock = clock;
    }

    /** Stores {@code frame} unless a snapshot of the same content exists; returns the snapshot either way. */
    Snapshot save(String name, Frame frame, String source) {
        checkArgument(name != null && !name.isBlank(), "snapshot name must not be blank: '%s'", name);
        String id = FrameDigest.sha256(frame);
        Optional<Snapshot> existing = find(id);
        Path file = file(id);
        if (existing.isPresent() && Files.exists(file)) {
            return existing.get();
        }
        writeFile(frame, file);
        if (existing.isPresent()) {
            return existing.get();
        }
        long created = clock.millis();
        String schema = SchemaJson.write(frame.schema());
        database.inTransaction(connection -> {
            // Another process may store the same content at the same moment: the first row wins, which is
            // the same snapshot (same content, same id), so a conflict is not an error.
            try (var insert = connection.prepareStatement("INSERT INTO snapshots (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (id) DO NOTHING")) {
                insert.setString(1, id);
                insert.setString(2, name);
                insert.setLong(3, frame.rowCount());
                insert.setInt(4, frame.columnCount());
                insert.setString(5, schema);
                insert.setString(6, source == null ? "" : source);
                insert.setLong(7, created);
                return insert.executeUpdate();
            }
        });
        return find(id).orElseThrow(() -> new IllegalStateException("snapshot " + id + " vanished after insert"));
    }

    private void writeFile(Frame frame, Path file) {
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".snapshot-", ".parquet.tmp");
            try {
                ParquetFiles.write(frame, temporary);
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write snapshot file " + file, e);
        }
    }

    /** The rows of snapshot {@code id}, checked against the id. */
    Frame read(Snapshot snapshot) {
        if (!Files.isRegularFile(snapshot.file())) {
            throw new InvalidDataException("snapshot " + snapshot.id() + ": its file " + snapshot.file() + " is missing");
        }
        Frame frame;
        try {
            frame = ParquetFiles.read(snapshot.file(), snapshot.schema());
        } catch (InvalidDataException e) {
            throw new InvalidDataException("snapshot " + snapshot.id() + ": unreadable file " + snapshot.file() + ": " + e.getMessage(), e);
        }
        String actual = FrameDigest.sha256(frame);
        if (!actual.equals(snapshot.id())) {
            throw new InvalidDataException("snapshot " + snapshot.id() + ": content hash " + actual
                    + " does not match its id; " + snapshot.file() + " was changed, refusing it");
        }
        return frame;
    }

    /** The snapshot whose id is {@code id} or starts with it (at least 6 hex digits); ambiguous prefixes raise. */
    Optional<Snapshot> find(String idOrPrefix) {
        checkArgument(idOrPrefix != null && ID_PREFIX.matcher(idOrPrefix).matches(),
                "malformed snapshot id '%s': expected 6 to 64 lower-case hex digits", idOrPrefix);
        List<Snapshot> found = query("SELECT " + COLUMNS + " FROM snapshots WHERE id LIKE ? ORDER BY id", idOrPrefix + "%");
        checkArgument(found.size() <= 1, "snapshot id prefix '%s' is ambiguous: %s snapshots match", idOrPrefix, found.size());
        return found.stream().findFirst();
    }

    /** Every snapshot, newest first. */
    List<Snapshot> all() {
        return query("SELECT " + COLUMNS + " FROM snapshots ORDER BY created_ms DESC, id", null);
    }

    private List<Snapshot> query(String sql, String parameter) {
        return database.read(connection -> {
            try (var select = connection.prepareStatement(sql)) {
                if (parameter != null) {
                    select.setString(1, parameter);
                }
                List<Snapshot> out = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        out.add(toSnapshot(rows));
                    }
                }
                return List.copyOf(out);
            }
        });
    }

    private Snapshot toSnapshot(ResultSet rows) throws SQLException {
        String id = rows.getString("id");
        return new Snapshot(id, rows.getString("name"), rows.getLong("row_count"), rows.getInt("col_count"),
                SchemaJson.read(rows.getString("schema_json")), rows.getString("source"),
                Instant.ofEpochMilli(rows.getLong("created_ms")), file(id));
    }

    private Path file(String id) {
        return directory.resolve(id + ".parquet");
    }
}
