package dev.kiln.store;

import static dev.kiln.data.Checks.checkArgument;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The monitoring tables of the store: the prediction log, feedback (true labels joined to logged predictions by
 * id) and shadow predictions. Thread-safe; every write is one transaction, batches in one round of statements,
 * so a writer thread can keep up with a busy server.
 */
public final class MonitorLog {
    private static final String COLUMNS = "p.id, p.model, p.version, p.at_ms, p.latency_us, p.inputs, p.prediction, "
            + "p.outputs, p.key_value, f.label, f.at_ms AS label_ms";
    private static final String FROM = " FROM prediction_log p LEFT JOIN feedback f ON f.prediction_id = p.id";

    private final Database database;

    MonitorLog(Database database) {
        this.database = database;
    }

    /** Appends logged predictions and shadow predictions, all in one transaction. */
    public void append(List<LoggedPrediction> predictions, List<ShadowPrediction> shadows) {
        if (predictions.isEmpty() && shadows.isEmpty()) {
            return;
        }
        database.inTransaction(connection -> {
            insertPredictions(connection, predictions);
            insertShadows(connection, shadows);
            return null;
        });
    }

    private static void insertPredictions(Connection connection, List<LoggedPrediction> predictions) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO prediction_log (id, model, version, at_ms, "
                + "latency_us, inputs, prediction, outputs, key_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (LoggedPrediction p : predictions) {
                insert.setString(1, p.id());
                insert.setString(2, p.model());
                insert.setInt(3, p.version());
                insert.setLong(4, p.atMs());
                insert.setLong(5, p.latencyMicros());
                insert.setString(6, p.inputs());
                insert.setString(7, p.prediction());
                insert.setString(8, p.outputs());
                insert.setString(9, p.key());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertShadows(Connection connection, List<ShadowPrediction> shadows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO shadow_predictions (prediction_id, model, "
                + "version, prediction, outputs) VALUES (?, ?, ?, ?, ?)")) {
            for (ShadowPrediction s : shadows) {
                insert.setString(1, s.predictionId());
                insert.setString(2, s.model());
                insert.setInt(3, s.version());
                insert.setString(4, s.prediction());
                insert.setString(5, s.outputs());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Records the true {@code label} of logged prediction {@code predictionId}, replacing an earlier one; returns
     * the prediction, or empty (and records nothing) when no prediction with that id is logged.
     */
    public Optional<LoggedPrediction> feedback(String predictionId, String label, long atMs) {
        checkArgument(predictionId != null && !predictionId.isBlank(), "prediction id must not be blank");
        checkArgument(label != null, "label must not be null");
        return database.inTransaction(connection -> {
            List<LoggedPrediction> found = Sql.query(connection, "SELECT " + COLUMNS + FROM + " WHERE p.id = ?",
                    MonitorLog::toPrediction, predictionId);
            if (found.isEmpty()) {
                return Optional.<LoggedPrediction>empty();
            }
            LoggedPrediction p = found.get(0);
            Sql.update(connection, "INSERT INTO feedback (prediction_id, model, label, at_ms) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT (prediction_id) DO UPDATE SET label = excluded.label, at_ms = excluded.at_ms",
                    predictionId, p.model(), label, atMs);
            return Optional.of(new LoggedPrediction(p.id(), p.model(), p.version(), p.atMs(), p.latencyMicros(), p.inputs(),
                    p.prediction(), p.outputs(), p.key(), label, atMs));
        });
    }

    /** The id of the newest logged prediction of {@code model} whose key column had {@code key}. */
    public Optional<String> findByKey(String model, String key) {
        return database.read(connection -> Sql.query(connection, "SELECT id FROM prediction_log WHERE model = ? AND "
                + "key_value = ? ORDER BY at_ms DESC, id DESC LIMIT 1", rows -> rows.getString(1), model, key)
                .stream().findFirst());
    }

    /** The logged prediction with this id, with its label if any. */
    public Optional<LoggedPrediction> find(String predictionId) {
        return database.read(connection -> Sql.query(connection, "SELECT " + COLUMNS + FROM + " WHERE p.id = ?",
                MonitorLog::toPrediction, predictionId).stream().findFirst());
    }

    /**
     * The newest {@code limit} logged predictions of {@code model} answered in [{@code fromMs}, {@code toMs}),
     * oldest first. With {@code labelledOnly}, the predictions whose labels arrived last, read through the feedback
     * table's index (so that few labels among many predictions cost little), again in the order they were answered.
     * {@code version} null means every version.
     */
    public List<LoggedPrediction> window(String model, Integer version, long fromMs, long toMs, int limit,
                                         boolean labelledOnly) {
        checkArgument(limit > 0, "limit must be positive: %s", limit);
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS);
        List<Object> args = new ArrayList<>();
        if (labelledOnly) {
            sql.append(" FROM feedback f JOIN prediction_log p ON p.id = f.prediction_id WHERE f.model = ?");
        } else {
            sql.append(FROM).append(" WHERE p.model = ?");
        }
        args.add(model);
        sql.append(" AND p.at_ms >= ? AND p.at_ms < ?");
        args.add(fromMs);
        args.add(toMs);
        if (version != null) {
            sql.append(" AND p.version = ?");
            args.add(version);
        }
        sql.append(labelledOnly ? " ORDER BY f.at_ms DESC, f.prediction_id DESC LIMIT ?" : " ORDER BY p.at_ms DESC, p.id DESC LIMIT ?");
        args.add(limit);
        List<LoggedPrediction> rows = database.read(connection ->
                Sql.query(connection, sql.toString(), MonitorLog::toPrediction, args.toArray()));
        List<LoggedPrediction> out = new ArrayList<>(rows);
        out.sort(java.util.Comparator.comparingLong(LoggedPrediction::atMs).thenComparing(LoggedPrediction::id));
        return out;
    }

    /**
     * The newest {@code limit} shadow predictions of {@code version} of {@code model} for predictions answered since
     * {@code fromMs} that have a label, oldest first, each with the label and the champion's logged prediction.
     */
    public List<ShadowComparison> shadowed(String model, int version, long fromMs, int limit) {
        checkArgument(limit > 0, "limit must be positive: %s", limit);
        List<ShadowComparison> rows = database.read(connection -> Sql.query(connection,
                "SELECT s.prediction_id, s.prediction AS shadow_prediction, s.outputs AS shadow_outputs, " + COLUMNS
                        + " FROM shadow_predictions s JOIN prediction_log p ON p.id = s.prediction_id"
                        + " JOIN feedback f ON f.prediction_id = p.id"
                        + " WHERE s.model = ? AND s.version = ? AND p.at_ms >= ? ORDER BY p.at_ms DESC, p.id DESC LIMIT ?",
                rows1 -> new ShadowComparison(toPrediction(rows1), new ShadowPrediction(rows1.getString("prediction_id"),
                        model, version, rows1.getString("shadow_prediction"), rows1.getString("shadow_outputs"),
                        rows1.getString("label"))), model, version, fromMs, limit));
        List<ShadowComparison> out = new ArrayList<>(rows);
        Collections.reverse(out);
        return out;
    }

    /** A logged prediction with its label, next to what a shadow version predicted for the same inputs. */
    public record ShadowComparison(LoggedPrediction logged, ShadowPrediction shadow) {
    }

    /** How many predictions of {@code model} are logged (every model when null). */
    public long count(String model) {
        return database.read(connection -> model == null
                ? Sql.query(connection, "SELECT COUNT(*) FROM prediction_log", rows -> rows.getLong(1)).get(0)
                : Sql.query(connection, "SELECT COUNT(*) FROM prediction_log WHERE model = ?", rows -> rows.getLong(1), model).get(0));
    }

    /** How many logged predictions of {@code model} have a label. */
    public long countLabelled(String model) {
        return database.read(connection -> Sql.query(connection, "SELECT COUNT(*) FROM feedback WHERE model = ?",
                rows -> rows.getLong(1), model).get(0));
    }

    /** The names of the models with logged predictions, sorted. */
    public List<String> models() {
        return database.read(connection -> Sql.query(connection,
                "SELECT DISTINCT model FROM prediction_log ORDER BY model", rows -> rows.getString(1)));
    }

    /**
     * Retention: deletes predictions answered before {@code beforeMs} and, when {@code keepRows} is positive, all but
     * the newest {@code keepRows} of each model, with their feedback and shadow rows. Returns how many predictions went.
     */
    public int purge(long beforeMs, long keepRows) {
        return database.inTransaction(connection -> {
            int deleted = deleteWhere(connection, "at_ms < ?", beforeMs);
            if (keepRows > 0) {
                for (String model : Sql.query(connection, "SELECT DISTINCT model FROM prediction_log", rows -> rows.getString(1))) {
                    List<Long> cut = Sql.query(connection, "SELECT at_ms FROM prediction_log WHERE model = ? "
                            + "ORDER BY at_ms DESC LIMIT 1 OFFSET ?", rows -> rows.getLong(1), model, keepRows - 1);
                    if (!cut.isEmpty()) {
                        deleted += deleteWhere(connection, "model = ? AND at_ms < ?", model, cut.get(0));
                    }
                }
            }
            return deleted;
        });
    }

    private static int deleteWhere(Connection connection, String where, Object... args) throws SQLException {
        String ids = "SELECT id FROM prediction_log WHERE " + where;
        Sql.update(connection, "DELETE FROM feedback WHERE prediction_id IN (" + ids + ")", args);
        Sql.update(connection, "DELETE FROM shadow_predictions WHERE prediction_id IN (" + ids + ")", args);
        return Sql.update(connection, "DELETE FROM prediction_log WHERE " + where, args);
    }

    private static LoggedPrediction toPrediction(ResultSet rows) throws SQLException {
        long labelMs = rows.getLong("label_ms");
        return new LoggedPrediction(rows.getString("id"), rows.getString("model"), rows.getInt("version"),
                rows.getLong("at_ms"), rows.getLong("latency_us"), rows.getString("inputs"), rows.getString("prediction"),
                rows.getString("outputs"), rows.getString("key_value"), rows.getString("label"), labelMs);
    }
}
