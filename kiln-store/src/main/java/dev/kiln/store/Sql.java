package dev.kiln.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Parameterised statements on one connection: every value is bound, never spliced into the SQL text. */
final class Sql {
    /** Maps the current row of a result set to a value. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rows) throws SQLException;
    }

    private Sql() {
    }

    static int update(Connection connection, String sql, Object... args) throws SQLException {
        try (var statement = prepare(connection, sql, args)) {
            return statement.executeUpdate();
        }
    }

    static <T> List<T> query(Connection connection, String sql, Row<T> row, Object... args) throws SQLException {
        try (var statement = prepare(connection, sql, args); var rows = statement.executeQuery()) {
            var values = new ArrayList<T>();
            while (rows.next()) {
                values.add(row.map(rows));
            }
            return values;
        }
    }

    /** The nullable integer in column {@code column} of the current row. */
    static Integer integer(ResultSet rows, String column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i] == null) {
                    statement.setNull(i + 1, java.sql.Types.NULL);
                } else {
                    statement.setObject(i + 1, args[i]);
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
