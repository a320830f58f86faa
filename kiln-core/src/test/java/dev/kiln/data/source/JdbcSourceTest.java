package dev.kiln.data.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.ColumnKind;
import dev.kiln.data.Frame;
import dev.kiln.data.InvalidDataException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables and parameterised queries against the real PostgreSQL (127.0.0.1:5432, db test, user postgres) and MariaDB
 * (127.0.0.1:3306, db test, root) servers, and an SQLite file; a server that is not reachable skips its test.
 */
class JdbcSourceTest {
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/test";

    @TempDir
    Path dir;

    private static Connection connectOrSkip(String url, String user) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            Assumptions.abort("database not reachable at " + url + " (" + e.getMessage() + "); skipping");
            return null;
        }
    }

    private static void createSensors(Connection connection, String table, String timestampType) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            s.execute("CREATE TABLE " + table + " (id INTEGER, site VARCHAR(20), temp DOUBLE PRECISION, ok BOOLEAN, at " + timestampType + ")");
            s.execute("INSERT INTO " + table + " VALUES (1, 'north', 20.5, TRUE, '2024-01-01 10:00:00'), "
                    + "(2, 'south', NULL, FALSE, '2024-01-01 11:00:00'), (3, 'north', 22.0, NULL, NULL)");
        }
    }

    private SourceContext env(Map<String, String> variables) {
        return SourceContext.of(dir).withEnvironment(variables::get);
    }

    private void readsTablesAndQueries(String url, String user, String table) throws Exception {
        SourceContext context = env(Map.of("DB_USER", user));
        Frame frame = new JdbcSource(url, table, null, null, "DB_USER", null).read(context);
        assertThat(frame.rowCount()).isEqualTo(3);
        assertThat(frame.names()).containsExactly("id", "site", "temp", "ok", "at");
        assertThat(frame.column("temp").kind()).isEqualTo(ColumnKind.NUMERIC);
        assertThat(frame.column("temp").isMissing(1)).isTrue();
        assertThat(frame.column("site").kind()).isEqualTo(ColumnKind.CATEGORICAL);
        assertThat(frame.column("ok").kind()).isEqualTo(ColumnKind.BOOLEAN);
        assertThat(frame.column("at").kind()).isEqualTo(ColumnKind.TIMESTAMP);
        assertThat(frame.column("at").format(0)).isEqualTo("2024-01-01T10:00:00Z");

        String injection = "north' OR '1'='1";
        Frame none = new JdbcSource(url, null, "SELECT id FROM " + table + " WHERE site = ?", List.of(injection), "DB_USER", null).read(context);
        assertThat(none.rowCount()).isZero();
        Frame some = new JdbcSource(url, null, "SELECT id FROM " + table + " WHERE site = ? AND id > ?", List.of("north", "1"), "DB_USER", null).read(context);
        assertThat(some.numeric("id").get(0)).isEqualTo(3.0);

        assertThatThrownBy(() -> new JdbcSource(url, "no_such_table", null, null, "DB_USER", null).read(context))
                .isInstanceOf(InvalidDataException.class).hasMessageStartingWith("jdbc " + url + " table no_such_table: ");
    }

    @Test
    void postgresql() throws Exception {
        try (Connection connection = connectOrSkip(PG, "postgres")) {
            createSensors(connection, "kiln_sensors", "TIMESTAMP");
        }
        readsTablesAndQueries(PG, "postgres", "kiln_sensors");
    }

    @Test
    void mariadb() throws Exception {
        try (Connection connection = connectOrSkip(MARIADB, "root")) {
            createSensors(connection, "kiln_sensors", "DATETIME");
        }
        readsTablesAndQueries(MARIADB, "root", "kiln_sensors");
    }

    @Test
    void sqlite() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("t.db");
        try (Connection connection = DriverManager.getConnection(url); Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER, name TEXT, x REAL)");
            s.execute("INSERT INTO t VALUES (1, 'a', 0.5), (2, 'b', NULL)");
        }
        Frame frame = new JdbcSource(url, "t", null, null, null, null).read(SourceContext.of(dir));
        assertThat(frame.rowCount()).isEqualTo(2);
        assertThat(frame.column("x").isMissing(1)).isTrue();
    }

    @Test
    void unreachableServersAndWrongCredentialsAreOneLineFailuresWithoutSecrets() {
        SourceContext context = env(Map.of("DB_USER", "kiln_nobody", "DB_PASSWORD", "s3cret-value"));
        assertThatThrownBy(() -> new JdbcSource("jdbc:postgresql://127.0.0.1:1/test?password=s3cret-value", "t", null, null,
                "DB_USER", "DB_PASSWORD").read(context))
                .isInstanceOf(SourceException.class).hasMessageStartingWith("jdbc jdbc:postgresql://127.0.0.1:1/test table t: cannot connect")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret").doesNotContain("\n"));
        try (Connection reachable = connectOrSkip(MARIADB, "root")) {
            assertThat(reachable.isValid(5)).isTrue();
            assertThatThrownBy(() -> new JdbcSource(MARIADB, "t", null, null, "DB_USER", "DB_PASSWORD").read(context))
                    .isInstanceOf(SourceException.class).hasMessageContaining("kiln_nobody")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        assertThatThrownBy(() -> new JdbcSource(PG, "t", null, null, "NOT_SET", null).read(context))
                .isInstanceOf(InvalidDataException.class).hasMessageContaining("environment variable NOT_SET is not set");
    }
}
