package dev.kiln.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The store's JDBC database: opens one connection per operation and runs work in transactions.
 *
 * <p>SQLite connections use WAL journaling, a busy timeout, enforced foreign keys and {@code BEGIN IMMEDIATE}
 * transactions, so several threads or processes can share one file: writers queue on the busy timeout
 * instead of failing on a lock upgrade. PostgreSQL uses its default (read committed); the registry takes
 * row locks where it needs ordering.
 */
final class Database {
    /** How long a SQLite writer waits for another to finish before failing. */
    static final int BUSY_TIMEOUT_MILLIS = 30_000;

    /** Work done with a connection; may throw {@link SQLException}. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final String url;
    private final boolean sqlite;
    private final SQLiteConfig sqliteConfig;

    Database(String url) {
        this.url = url;
        this.sqlite = url.startsWith("jdbc:sqlite:");
        this.sqliteConfig = sqlite ? sqliteConfig() : null;
    }

    private static SQLiteConfig sqliteConfig() {
        var config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config;
    }

    String url() {
        return url;
    }

    /** The data source Flyway migrates through; for SQLite it carries the same settings as ours. */
    DataSource dataSource() {
        if (!sqlite) {
            return null;
        }
        var dataSource = new SQLiteDataSource(sqliteConfig);
        dataSource.setUrl(url);
        return dataSource;
    }

    Connection connect() throws SQLException {
        if (sqlite) {
            return DriverManager.getConnection(url, sqliteConfig.toProperties());
        }
        return DriverManager.getConnection(url, new Properties());
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    <T> T inTransaction(Work<T> work) {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("store write failed at " + redacted() + ": " + e.getMessage(), e);
        }
    }

    /** Runs read-only {@code work} outside an explicit transaction. */
    <T> T read(Work<T> work) {
        try (Connection connection = connect()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new StoreException("store read failed at " + redacted() + ": " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** The URL without its query string, which may hold a password. */
    String redacted() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
