package dev.kiln.store;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * Brings a store's schema up to the version this code knows, with Flyway and the scripts in
 * {@code classpath:db/migration}; refuses a store whose schema is newer.
 *
 * <p>Flyway's own messages go to SLF4J through {@link FlywayLogs}: progress at debug, problems at warn and
 * error, so a successful open prints nothing.
 */
final class Migrations {
    /** Flyway's bookkeeping table, named for Kiln so it cannot clash with a team database's own. */
    static final String HISTORY_TABLE = "kiln_schema_history";

    private Migrations() {
    }

    static void migrate(Database database) {
        try {
            migrateOnce(database);
        } catch (FlywayException first) {
            // Two processes creating the same new SQLite store can race on Flyway's history table (PostgreSQL
            // is guarded by Flyway's advisory lock); the loser finds the schema in place on a second look.
            try {
                migrateOnce(database);
            } catch (FlywayException second) {
                second.addSuppressed(first);
                throw new StoreException("cannot migrate store schema at " + database.redacted() + ": "
                        + second.getMessage(), second);
            }
        }
    }

    private static void migrateOnce(Database database) {
        Flyway flyway = configure(database);
        refuseNewerSchema(database, flyway.info().all());
        flyway.migrate();
    }

    private static Flyway configure(Database database) {
        var configuration = Flyway.configure(Migrations.class.getClassLoader())
                .locations("classpath:db/migration")
                .table(HISTORY_TABLE)
                .loggers(FlywayLogs.class.getName());
        var dataSource = database.dataSource();
        if (dataSource != null) {
            configuration.dataSource(dataSource);
        } else {
            configuration.dataSource(database.url(), null, null);
        }
        return configuration.load();
    }

    /** Flyway ignores applied migrations it has no script for ("future"); for Kiln that means the code is too old. */
    private static void refuseNewerSchema(Database database, MigrationInfo[] migrations) {
        var future = Arrays.stream(migrations)
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .map(m -> m.getVersion().getVersion())
                .collect(Collectors.toList());
        if (!future.isEmpty()) {
            String known = Arrays.stream(migrations)
                    .filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS && m.getState() != MigrationState.FUTURE_FAILED)
                    .map(m -> m.getVersion().getVersion())
                    .reduce((a, b) -> b).orElse("none");
            throw new StoreException("store at " + database.redacted() + " has schema version(s) " + future
                    + ", newer than this Kiln knows (latest " + known + "); upgrade Kiln to use this store");
        }
    }
}
