package dev.kiln.store;

import static dev.kiln.data.Checks.checkArgument;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Experiment tracking: the {@code runs} table. Thread-safe; every write is one transaction. */
final class RunLog {
    private static final String COLUMNS = "id, name, status, started_ms, finished_ms, spec_hash, data_hash, "
            + "kiln_version, params, metrics, timings, user_name, host, pid, artifacts";
    private static final Set<String> END_STATUSES = Set.of(Run.FINISHED, Run.FAILED);

    private final Database database;
    private final Artifacts artifacts;
    private final Clock clock;

    RunLog(Database database, Artifacts artifacts, Clock clock) {
        this.database = database;
        this.artifacts = artifacts;
        this.clock = clock;
    }

    Run start(String name, String specHash, String dataHash, String kilnVersion) {
        checkArgument(name != null && !name.isBlank(), "run name must not be blank: '%s'", name);
        Instant started = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String id = RunIds.next(started);
        RunProcess process = RunProcess.current();
        database.inTransaction(connection -> {
            try (var insert = connection.prepareStatement("INSERT INTO runs (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, name);
                insert.setString(3, Run.RUNNING);
                insert.setLong(4, started.toEpochMilli());
                insert.setNull(5, Types.BIGINT);
                insert.setString(6, specHash);
                insert.setString(7, dataHash);
                insert.setString(8, kilnVersion);
                insert.setString(9, Json.write(Map.of()));
                insert.setString(10, Json.write(Map.of()));
                insert.setString(11, Json.write(Map.of()));
                insert.setString(12, process.user());
                insert.setString(13, process.host());
                insert.setLong(14, process.pid());
                insert.setString(15, Json.writeArtifacts(List.of()));
                return insert.executeUpdate();
            }
        });
        return new Run(id, name, Run.RUNNING, started, null, specHash, dataHash, kilnVersion, Map.of(), Map.of(),
                Map.of(), artifacts.runDirectory(id), process, List.of());
    }

    void logParams(String id, Map<String, String> params) {
        mergeInto(id, "params", params, Json::readStrings);
    }

    void logMetrics(String id, Map<String, Double> metrics) {
        mergeInto(id, "metrics", metrics, Json::readDoubles);
    }

    void logTimings(String id, Map<String, Double> timings) {
        mergeInto(id, "timings", timings, Json::readDoubles);
    }

    void finish(String id, String status) {
        checkArgument(END_STATUSES.contains(status), "unknown end status '%s' for run %s; allowed: %s",
                status, id, List.of(Run.FINISHED, Run.FAILED));
        long finished = clock.millis();
        database.inTransaction(connection -> {
            try (var update = connection.prepareStatement(
                    "UPDATE runs SET status = ?, finished_ms = ? WHERE id = ? AND status = ?")) {
                update.setString(1, status);
                update.setLong(2, finished);
                update.setString(3, id);
                update.setString(4, Run.RUNNING);
                if (update.executeUpdate() == 0) {
                    String current = statusOf(connection, id);
                    throw new IllegalArgumentException("run " + id + " cannot be marked " + status + ": it is "
                            + current);
                }
                return null;
            }
        });
    }

    /** Replaces the run's list of artifact files. */
    void logArtifacts(String id, List<ArtifactFile> files) {
        database.inTransaction(connection -> {
            checkArgument(Sql.update(connection, "UPDATE runs SET artifacts = ? WHERE id = ?",
                    Json.writeArtifacts(files), id) == 1, "unknown run: '%s'", id);
            return null;
        });
    }

    /** Up to {@code limit} runs, newest first, with this name and status unless they are null. */
    List<Run> search(String name, String status, int limit) {
        checkArgument(limit > 0, "limit must be positive: %s", limit);
        checkArgument(status == null || List.of(Run.RUNNING, Run.FINISHED, Run.FAILED).contains(status),
                "unknown run status '%s'; allowed: running, finished, failed", status);
        var where = new ArrayList<String>();
        var args = new ArrayList<Object>();
        if (name != null) {
            where.add("name = ?");
            args.add(name);
        }
        if (status != null) {
            where.add("status = ?");
            args.add(status);
        }
        args.add(limit);
        String sql = "SELECT " + COLUMNS + " FROM runs" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY started_ms DESC, id DESC LIMIT ?";
        return database.read(connection -> List.copyOf(Sql.query(connection, sql, this::toRun, args.toArray())));
    }

    Optional<Run> find(String id) {
        return database.read(connection -> {
            try (var select = connection.prepareStatement("SELECT " + COLUMNS + " FROM runs WHERE id = ?")) {
                select.setString(1, id);
                try (var rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(toRun(rows)) : Optional.<Run>empty();
                }
            }
        });
    }

    List<Run> latest(int limit) {
        checkArgument(limit > 0, "limit must be positive: %s", limit);
        return database.read(connection -> {
            try (var select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM runs ORDER BY started_ms DESC, id DESC LIMIT ?")) {
                select.setInt(1, limit);
                var runs = new ArrayList<Run>();
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        runs.add(toRun(rows));
                    }
                }
                return List.copyOf(runs);
            }
        });
    }

    /** True when a run with this id exists, read on {@code connection}. */
    static boolean exists(Connection connection, String id) throws SQLException {
        try (var select = connection.prepareStatement("SELECT 1 FROM runs WHERE id = ?")) {
            select.setString(1, id);
            try (var rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Read-modify-write of one JSON map column; the first UPDATE locks the row (PostgreSQL) or database (SQLite). */
    private <V> void mergeInto(String id, String column, Map<String, V> entries, JsonReader<V> reader) {
        checkArgument(entries != null, "%s for run %s must not be null", column, id);
        entries.forEach((key, value) -> checkArgument(key != null && !key.isBlank() && value != null,
                "%s for run %s: blank name or null value at '%s' = %s", column, id, key, value));
        database.inTransaction(connection -> {
            String current = lockedColumn(connection, id, column);
            var merged = new HashMap<>(reader.read(current));
            merged.putAll(entries);
            // column is one of three constants chosen above, never caller input
            try (var update = connection.prepareStatement("UPDATE runs SET " + column + " = ? WHERE id = ?")) {
                update.setString(1, Json.write(merged));
                update.setString(2, id);
                return update.executeUpdate();
            }
        });
    }

    private static String lockedColumn(Connection connection, String id, String column) throws SQLException {
        try (var lock = connection.prepareStatement("UPDATE runs SET id = id WHERE id = ?")) {
            lock.setString(1, id);
            checkArgument(lock.executeUpdate() == 1, "unknown run: '%s'", id);
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT " + column + " FROM runs WHERE id = ?")) {
            select.setString(1, id);
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static String statusOf(Connection connection, String id) throws SQLException {
        try (var select = connection.prepareStatement("SELECT status FROM runs WHERE id = ?")) {
            select.setString(1, id);
            try (var rows = select.executeQuery()) {
                checkArgument(rows.next(), "unknown run: '%s'", id);
                return rows.getString(1);
            }
        }
    }

    private Run toRun(ResultSet rows) throws SQLException {
        String id = rows.getString("id");
        long finished = rows.getLong("finished_ms");
        Instant finishedAt = rows.wasNull() ? null : Instant.ofEpochMilli(finished);
        return new Run(id, rows.getString("name"), rows.getString("status"),
                Instant.ofEpochMilli(rows.getLong("started_ms")), finishedAt, rows.getString("spec_hash"),
                rows.getString("data_hash"), rows.getString("kiln_version"), Json.readDoubles(rows.getString("metrics")),
                Json.readStrings(rows.getString("params")), Json.readDoubles(rows.getString("timings")),
                artifacts.runDirectory(id), new RunProcess(rows.getString("user_name"), rows.getString("host"),
                        pid(rows)), Json.readArtifacts(rows.getString("artifacts")));
    }

    private static Long pid(ResultSet rows) throws SQLException {
        long pid = rows.getLong("pid");
        return rows.wasNull() ? null : pid;
    }

    /** Parses one JSON map column. */
    @FunctionalInterface
    private interface JsonReader<V> {
        Map<String, V> read(String json);
    }
}
