package dev.kiln.store;

import static dev.kiln.data.Checks.checkArgument;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Model aliases: named pointers ({@code champion}, {@code challenger}, {@code production}, ...) to one version
 * each, the {@code model_aliases} table, with every move kept in {@code alias_moves} so that a rollback can undo
 * the newest move not yet undone. Thread-safe.
 *
 * <p>Every change takes the model's row lock first (see {@link ModelRegistry}), moves the alias, appends the
 * move and writes the audit entry in one transaction: a crash leaves either all of it or none.
 */
final class Aliases {
    /** Alias names: lower-case, so they never clash with a version number. */
    static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    private final Database database;
    private final Clock clock;
    private final AuditLog audit;

    Aliases(Database database, Clock clock, AuditLog audit) {
        this.database = database;
        this.clock = clock;
        this.audit = audit;
    }

    static void checkAlias(String alias) {
        checkArgument(alias != null && ALIAS.matcher(alias).matches(),
                "malformed alias '%s': use lower-case letters, digits, '_' or '-', starting with a letter", alias);
    }

    ModelVersion promote(String name, int version, String alias, String reason) {
        ModelRegistry.checkName(name);
        checkAlias(alias);
        return database.inTransaction(connection -> {
            ModelVersion target = ModelRegistry.lockVersion(connection, name, version);
            checkArgument(!ModelVersion.ARCHIVED.equals(target.stage()),
                    "version %s of model '%s' is archived; promote a live version", version, name);
            Integer from = current(connection, name, alias).orElse(null);
            checkArgument(!Objects.equals(from, version), "alias '%s' of model '%s' already points to version %s",
                    alias, name, version);
            move(connection, name, alias, from, version);
            audit.record(connection, new AuditLog.Change(AuditEntry.PROMOTE, name, version, alias, target.runId(),
                    alias + ": " + describe(from) + " -> " + version), reason);
            return target;
        });
    }

    /** Moves {@code alias} back to where its newest not-yet-undone move took it from; empty if that removes it. */
    Optional<ModelVersion> rollback(String name, String alias, String reason) {
        ModelRegistry.checkName(name);
        checkAlias(alias);
        return database.inTransaction(connection -> {
            ModelRegistry.lockModel(connection, name, "latest_version");
            var moves = Sql.query(connection, "SELECT seq, from_version, to_version FROM alias_moves "
                    + "WHERE name = ? AND alias = ? AND undone = ? ORDER BY seq DESC LIMIT 1",
                    rows -> new int[] {rows.getInt("seq"), nullToZero(Sql.integer(rows, "from_version"))},
                    name, alias, false);
            checkArgument(!moves.isEmpty(), "alias '%s' of model '%s' has no earlier version to roll back to",
                    alias, name);
            int seq = moves.get(0)[0];
            Integer back = moves.get(0)[1] == 0 ? null : moves.get(0)[1];
            Optional<ModelVersion> target = Optional.empty();
            if (back != null) {
                target = ModelRegistry.find(connection, name, back);
                checkArgument(target.isPresent() && !ModelVersion.ARCHIVED.equals(target.get().stage()),
                        "cannot roll alias '%s' of model '%s' back to version %s: it is archived", alias, name, back);
            }
            Integer from = current(connection, name, alias).orElse(null);
            set(connection, name, alias, back);
            Sql.update(connection, "UPDATE alias_moves SET undone = ? WHERE name = ? AND seq = ?", true, name, seq);
            audit.record(connection, new AuditLog.Change(AuditEntry.ROLLBACK, name, back, alias,
                    target.map(ModelVersion::runId).orElse(null), alias + ": " + describe(from) + " -> " + describe(back)),
                    reason);
            return target;
        });
    }

    /** The aliases of a model and the versions they point to, sorted by alias. */
    Map<String, Integer> aliases(String name) {
        return database.read(connection -> {
            var aliases = new LinkedHashMap<String, Integer>();
            Sql.query(connection, "SELECT alias, version FROM model_aliases WHERE name = ? ORDER BY alias",
                    rows -> aliases.put(rows.getString("alias"), rows.getInt("version")), name);
            return aliases;
        });
    }

    /** The aliases pointing at one version, read on {@code connection}. */
    static List<String> aliasesOf(Connection connection, String name, int version) throws SQLException {
        return Sql.query(connection, "SELECT alias FROM model_aliases WHERE name = ? AND version = ? ORDER BY alias",
                rows -> rows.getString("alias"), name, version);
    }

    static Optional<Integer> current(Connection connection, String name, String alias) throws SQLException {
        return Sql.query(connection, "SELECT version FROM model_aliases WHERE name = ? AND alias = ?",
                rows -> rows.getInt("version"), name, alias).stream().findFirst();
    }

    /**
     * Keeps the legacy stages and their aliases in step: a version moved to stage {@code production} or
     * {@code staging} takes the alias of that name; one moved out of it loses the alias. Caller holds the lock.
     */
    void followStage(Connection connection, String name, int version, String stage) throws SQLException {
        for (String legacy : List.of(ModelVersion.PRODUCTION, ModelVersion.STAGING)) {
            Integer from = current(connection, name, legacy).orElse(null);
            if (legacy.equals(stage) && !Objects.equals(from, version)) {
                move(connection, name, legacy, from, version);
            } else if (!legacy.equals(stage) && Objects.equals(from, version)) {
                move(connection, name, legacy, from, null);
            }
        }
    }

    /** Points {@code alias} at {@code to} (removes it when null) and appends the move. Caller holds the lock. */
    private void move(Connection connection, String name, String alias, Integer from, Integer to) throws SQLException {
        set(connection, name, alias, to);
        int seq = Sql.query(connection, "SELECT COALESCE(MAX(seq), 0) FROM alias_moves WHERE name = ?",
                rows -> rows.getInt(1), name).get(0) + 1;
        Sql.update(connection, "INSERT INTO alias_moves (name, seq, alias, from_version, to_version, undone, moved_ms) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", name, seq, alias, from, to, false, clock.millis());
    }

    private void set(Connection connection, String name, String alias, Integer version) throws SQLException {
        if (version == null) {
            Sql.update(connection, "DELETE FROM model_aliases WHERE name = ? AND alias = ?", name, alias);
            return;
        }
        Sql.update(connection, "INSERT INTO model_aliases (name, alias, version, updated_ms) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (name, alias) DO UPDATE SET version = excluded.version, updated_ms = excluded.updated_ms",
                name, alias, version, clock.millis());
    }

    private static int nullToZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static String describe(Integer version) {
        return version == null ? "(none)" : version.toString();
    }
}
