package dev.kiln.data.source;

import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.data.InvalidDataException;
import dev.kiln.data.Values;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A database table or query over JDBC (PostgreSQL, MariaDB/MySQL, SQLite, or any driver on the class path).
 * Credentials come from the environment variables named by {@code userEnv} and {@code passwordEnv}; they are
 * never part of the description, a message or a snapshot. A query's {@code ?} placeholders are bound to
 * {@code params} (numbers as numbers, the rest as text), never spliced into the SQL.
 *
 * @param url the JDBC URL, for instance {@code jdbc:postgresql://127.0.0.1:5432/test}
 * @param table a table name ({@code name} or {@code schema.name}); exactly one of table and query is set
 * @param userEnv the environment variable holding the user name, or null
 * @param passwordEnv the environment variable holding the password, or null
 */
public record JdbcSource(String url, String table, String query, List<String> params, String userEnv, String passwordEnv)
        implements Source {
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    private static final int FETCH_SIZE = 10_000;

    public JdbcSource {
        Checks.checkArgument(url != null && url.startsWith("jdbc:"), "jdbc url must start with 'jdbc:': '%s'", redact(url));
        Checks.checkArgument((table == null) != (query == null), "jdbc source needs exactly one of table and query");
        Checks.checkArgument(table == null || TABLE.matcher(table).matches(), "malformed table name '%s'", table);
        params = params == null ? List.of() : List.copyOf(params);
    }

    @Override
    public Frame read(SourceContext context) {
        Properties properties = new Properties();
        String user = context.secret(userEnv, this);
        String password = context.secret(passwordEnv, this);
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        Connection connection;
        try {
            connection = DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw new SourceException(describe() + ": cannot connect: " + e.getMessage(), e);
        }
        try (connection) {
            connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement statement = connection.prepareStatement(table != null ? "SELECT * FROM " + table : query)) {
                statement.setFetchSize(FETCH_SIZE);
                bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    return context.applyKinds(ResultSetFrames.read(rows, null, context.kinds(), describe()), describe());
                }
            }
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("08") || state.startsWith("28")) {
                throw new SourceException(describe() + ": " + e.getMessage(), e);
            }
            throw new InvalidDataException(describe() + ": " + SourceException.oneLine(e.getMessage()), e);
        }
    }

    private void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            String value = params.get(i);
            double number = Values.parseNumber(value);
            if (!Double.isNaN(number) && number == Math.rint(number) && Math.abs(number) < 1e15 && !value.contains(".")) {
                statement.setLong(i + 1, (long) number);
            } else if (!Double.isNaN(number)) {
                statement.setDouble(i + 1, number);
            } else {
                statement.setString(i + 1, value);
            }
        }
    }

    @Override
    public String describe() {
        return "jdbc " + redact(url) + (table != null ? " table " + table : " query");
    }

    /** The URL without user information ({@code user:password@}) and without its query string. */
    static String redact(String url) {
        if (url == null) {
            return null;
        }
        String out = url.replaceAll("//[^/@?]*@", "//");
        int query = out.indexOf('?');
        out = query < 0 ? out : out.substring(0, query);
        int params = out.indexOf(';');
        return params < 0 ? out : out.substring(0, params);
    }
}
