package dev.kiln.store;

import static dev.kiln.data.Checks.checkArgument;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code audit_log} table. Entries are written on the connection of the change they describe, so a change
 * and its record commit or roll back together. Thread-safe.
 */
final class AuditLog {
    private static final String COLUMNS = "id, at_ms, actor, action, model, version, alias, run_id, detail, reason";

    /** What a change did, before it is stamped with time and actor. */
    record Change(String action, String model, Integer version, String alias, String runId, String detail) {
    }

    private final Database database;
    private final Clock clock;
    private final String actor;

    AuditLog(Database database, Clock clock, String actor) {
        this.database = database;
        this.clock = clock;
        this.actor = actor;
    }

    String actor() {
        return actor;
    }

    /** Records {@code change} with {@code reason} (may be null) on {@code connection}, inside its transaction. */
    void record(Connection connection, Change change, String reason) throws SQLException {
        Instant at = Instant.ofEpochMilli(clock.millis());
        Sql.update(connection, "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                RunIds.next(at), at.toEpochMilli(), actor, change.action(), change.model(), change.version(),
                change.alias(), change.runId(), change.detail(), reason);
    }

    /** Up to {@code limit} entries, newest first; only those about {@code model} unless it is null. */
    List<AuditEntry> entries(String model, int limit) {
        checkArgument(limit > 0, "limit must be positive: %s", limit);
        return database.read(connection -> {
            List<AuditEntry> entries = model == null
                    ? Sql.query(connection, "SELECT " + COLUMNS + " FROM audit_log ORDER BY at_ms DESC, id DESC LIMIT ?",
                            AuditLog::toEntry, limit)
                    : Sql.query(connection, "SELECT " + COLUMNS + " FROM audit_log WHERE model = ? "
                            + "ORDER BY at_ms DESC, id DESC LIMIT ?", AuditLog::toEntry, model, limit);
            return List.copyOf(new ArrayList<>(entries));
        });
    }

    /** The acting user: {@code KILN_USER} when set, else the operating-system user name. */
    static String currentActor() {
        String user = System.getenv("KILN_USER");
        if (user == null || user.isBlank()) {
            user = System.getProperty("user.name", "unknown");
        }
        return user.length() > 200 ? user.substring(0, 200) : user;
    }

    private static AuditEntry toEntry(ResultSet rows) throws SQLException {
        return new AuditEntry(rows.getString("id"), Instant.ofEpochMilli(rows.getLong("at_ms")), rows.getString("actor"),
                rows.getString("action"), rows.getString("model"), Sql.integer(rows, "version"), rows.getString("alias"),
                rows.getString("run_id"), rows.getString("detail"), rows.getString("reason"));
    }
}
