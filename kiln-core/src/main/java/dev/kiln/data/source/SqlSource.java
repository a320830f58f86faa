package dev.kiln.data.source;

import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.data.InvalidDataException;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.duckdb.DuckDBConnection;

/**
 * A SQL query (DuckDB's dialect) over other sources: each named source is read and loaded as a table of that
 * name into an in-memory DuckDB, then {@code query} runs over them (join, filter, aggregate). Its result is the
 * frame. A query that DuckDB rejects is bad input, named with DuckDB's message.
 */
public record SqlSource(String query, Map<String, Source> sources) implements Source {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public SqlSource {
        Checks.checkArgument(query != null && !query.isBlank(), "sql query must not be blank");
        Checks.checkArgument(sources != null && !sources.isEmpty(), "sql source needs at least one named source");
        sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        for (String name : sources.keySet()) {
            Checks.checkArgument(NAME.matcher(name).matches(), "malformed table name '%s'", name);
        }
    }

    @Override
    public Frame read(SourceContext context) throws IOException {
        Map<String, Frame> frames = new LinkedHashMap<>();
        for (Map.Entry<String, Source> e : sources.entrySet()) {
            frames.put(e.getKey(), e.getValue().read(context.withKinds(Map.of())));
        }
        try (DuckDBConnection connection = DuckDb.open()) {
            for (Map.Entry<String, Frame> e : frames.entrySet()) {
                DuckDb.load(connection, e.getKey(), e.getValue());
            }
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
                return context.applyKinds(ResultSetFrames.read(rows, null, context.kinds(), describe()), describe());
            }
        } catch (SQLException e) {
            throw new InvalidDataException(describe() + ": " + SourceException.oneLine(e.getMessage()), e);
        }
    }

    @Override
    public String describe() {
        return "sql over " + String.join(", ", sources.keySet());
    }
}
