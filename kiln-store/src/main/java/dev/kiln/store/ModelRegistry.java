package dev.kiln.store;

import static dev.kiln.data.Checks.checkArgument;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The model registry: the {@code models} and {@code model_versions} tables. Thread-safe; every write is one
 * transaction.
 *
 * <p>Ordering: registration and promotion first update the model's row in {@code models}. On PostgreSQL that
 * row lock queues concurrent writers for the same name (read committed is enough); on SQLite every write
 * transaction is {@code BEGIN IMMEDIATE}, which serialises all writers. A unique index keeps at most one
 * production version per name even if that ordering were bypassed.
 */
final class ModelRegistry {
    /** Model names: no ':' or '@', which model references use. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final String COLUMNS = "name, version, run_id, bundle_path, stage, accepted, created_ms, metrics";

    private final Database database;
    private final Clock clock;
    private final AuditLog audit;
    private final Aliases aliases;

    ModelRegistry(Database database, Clock clock, AuditLog audit, Aliases aliases) {
        this.database = database;
        this.clock = clock;
        this.audit = audit;
        this.aliases = aliases;
    }

    ModelVersion register(String name, String runId, Path bundlePath, Map<String, Double> metrics, boolean accepted) {
        checkName(name);
        checkArgument(bundlePath != null, "bundlePath of model '%s' must not be null", name);
        checkArgument(metrics != null, "metrics of model '%s' must not be null", name);
        metrics.forEach((key, value) -> checkArgument(key != null && !key.isBlank() && value != null,
                "metrics of model '%s': blank name or null value at '%s' = %s", name, key, value));
        Instant created = Instant.ofEpochMilli(clock.millis());
        int version = database.inTransaction(connection -> {
            checkArgument(runId == null || RunLog.exists(connection, runId),
                    "unknown run '%s' for model '%s'", runId, name);
            try (var insert = connection.prepareStatement(
                    "INSERT INTO models (name, latest_version, created_ms) VALUES (?, 0, ?) ON CONFLICT (name) DO NOTHING")) {
                insert.setString(1, name);
                insert.setLong(2, created.toEpochMilli());
                insert.executeUpdate();
            }
            int next = lockModel(connection, name, "latest_version + 1");
            try (var insert = connection.prepareStatement("INSERT INTO model_versions (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, name);
                insert.setInt(2, next);
                insert.setString(3, runId);
                insert.setString(4, bundlePath.toString());
                insert.setString(5, ModelVersion.NONE);
                insert.setBoolean(6, accepted);
                insert.setLong(7, created.toEpochMilli());
                insert.setString(8, Json.write(metrics));
                insert.executeUpdate();
            }
            audit.record(connection, new AuditLog.Change(AuditEntry.REGISTER, name, next, null, runId,
                    "bundle " + bundlePath + (accepted ? " (accepted)" : " (not accepted)")), null);
            return next;
        });
        return new ModelVersion(name, version, runId, bundlePath, ModelVersion.NONE, accepted, created, metrics);
    }

    ModelVersion setStage(String name, int version, String stage) {
        checkStage(stage);
        return database.inTransaction(connection -> {
            String before = lockVersion(connection, name, version).stage();
            if (ModelVersion.PRODUCTION.equals(stage)) {
                try (var archive = connection.prepareStatement("UPDATE model_versions SET stage = ? "
                        + "WHERE name = ? AND stage = ? AND version <> ?")) {
                    archive.setString(1, ModelVersion.ARCHIVED);
                    archive.setString(2, name);
                    archive.setString(3, ModelVersion.PRODUCTION);
                    archive.setInt(4, version);
                    archive.executeUpdate();
                }
            }
            try (var update = connection.prepareStatement(
                    "UPDATE model_versions SET stage = ? WHERE name = ? AND version = ?")) {
                update.setString(1, stage);
                update.setString(2, name);
                update.setInt(3, version);
                update.executeUpdate();
            }
            aliases.followStage(connection, name, version, stage);
            audit.record(connection, new AuditLog.Change(AuditEntry.STAGE, name, version, null, null,
                    "stage: " + before + " -> " + stage), null);
            return find(connection, name, version).orElseThrow();
        });
    }

    /** Retires a version: stage {@code archived}; refused while an alias points to it. */
    ModelVersion archive(String name, int version, String reason) {
        checkName(name);
        return database.inTransaction(connection -> {
            ModelVersion current = lockVersion(connection, name, version);
            checkArgument(!ModelVersion.ARCHIVED.equals(current.stage()), "version %s of model '%s' is already archived",
                    version, name);
            List<String> pointing = Aliases.aliasesOf(connection, name, version);
            checkArgument(pointing.isEmpty(), "version %s of model '%s' is still aliased %s; move or roll back "
                    + "the alias first", version, name, pointing);
            Sql.update(connection, "UPDATE model_versions SET stage = ? WHERE name = ? AND version = ?",
                    ModelVersion.ARCHIVED, name, version);
            audit.record(connection, new AuditLog.Change(AuditEntry.ARCHIVE, name, version, null, current.runId(),
                    "stage: " + current.stage() + " -> " + ModelVersion.ARCHIVED), reason);
            return find(connection, name, version).orElseThrow();
        });
    }

    List<ModelVersion> versions(String name) {
        return database.read(connection -> select(connection,
                "SELECT " + COLUMNS + " FROM model_versions WHERE name = ? ORDER BY version", name));
    }

    List<String> names() {
        return database.read(ModelRegistry::names);
    }

    private static List<String> names(Connection connection) throws SQLException {
        try (var select = connection.prepareStatement("SELECT name FROM models ORDER BY name");
             var rows = select.executeQuery()) {
            var names = new ArrayList<String>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return List.copyOf(names);
        }
    }

    Optional<ModelVersion> version(String name, int version) {
        return database.read(connection -> find(connection, name, version));
    }

    Optional<ModelVersion> resolve(String ref) {
        var parsed = ModelRef.parse(ref);
        String sql = "SELECT " + COLUMNS + " FROM model_versions WHERE name = ?";
        if (parsed.version() != null) {
            return database.read(connection -> select(connection, sql + " AND version = ?", parsed.name(),
                    parsed.version()).stream().findFirst());
        }
        if (parsed.alias() != null) {
            return database.read(connection -> {
                Optional<Integer> aliased = Aliases.current(connection, parsed.name(), parsed.alias());
                if (aliased.isPresent()) {
                    return find(connection, parsed.name(), aliased.get());
                }
                if (!ModelVersion.STAGES.contains(parsed.alias())) {
                    return Optional.<ModelVersion>empty();
                }
                // legacy: a stage set before aliases existed
                return select(connection, sql + " AND stage = ? ORDER BY version DESC LIMIT 1",
                        parsed.name(), parsed.alias()).stream().findFirst();
            });
        }
        return database.read(connection -> select(connection, sql + " ORDER BY version DESC LIMIT 1",
                parsed.name()).stream().findFirst());
    }

    static void checkName(String name) {
        checkArgument(name != null && NAME.matcher(name).matches(),
                "malformed model name '%s': use letters, digits, '.', '_' or '-', starting with a letter or digit", name);
    }

    static void checkStage(String stage) {
        checkArgument(ModelVersion.STAGES.contains(stage), "unknown stage '%s'; allowed: %s", stage, ModelVersion.STAGES);
    }

    /** Takes the model's lock and returns the version; unknown models and versions raise IllegalArgumentException. */
    static ModelVersion lockVersion(Connection connection, String name, int version) throws SQLException {
        int latest = lockModel(connection, name, "latest_version");
        Optional<ModelVersion> found = find(connection, name, version);
        checkArgument(found.isPresent(), "unknown version %s of model '%s'; versions are 1..%s", version, name, latest);
        return found.get();
    }

    /** Updates the model's row (taking its lock) and returns its latest version afterwards. */
    static int lockModel(Connection connection, String name, String latestVersion) throws SQLException {
        // latestVersion is one of two expressions written in this class, never caller input
        try (var update = connection.prepareStatement(
                "UPDATE models SET latest_version = " + latestVersion + " WHERE name = ?")) {
            update.setString(1, name);
            if (update.executeUpdate() != 1) {
                throw new IllegalArgumentException("unknown model '" + name + "'; known models: " + names(connection));
            }
        }
        try (var select = connection.prepareStatement("SELECT latest_version FROM models WHERE name = ?")) {
            select.setString(1, name);
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    static Optional<ModelVersion> find(Connection connection, String name, int version) throws SQLException {
        return select(connection, "SELECT " + COLUMNS + " FROM model_versions WHERE name = ? AND version = ?",
                name, version).stream().findFirst();
    }

    private static List<ModelVersion> select(Connection connection, String sql, Object... args) throws SQLException {
        try (var select = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                select.setObject(i + 1, args[i]);
            }
            var versions = new ArrayList<ModelVersion>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    versions.add(toVersion(rows));
                }
            }
            return List.copyOf(versions);
        }
    }

    private static ModelVersion toVersion(ResultSet rows) throws SQLException {
        return new ModelVersion(rows.getString("name"), rows.getInt("version"), rows.getString("run_id"),
                Path.of(rows.getString("bundle_path")), rows.getString("stage"), rows.getBoolean("accepted"),
                Instant.ofEpochMilli(rows.getLong("created_ms")), Json.readDoubles(rows.getString("metrics")));
    }
}
