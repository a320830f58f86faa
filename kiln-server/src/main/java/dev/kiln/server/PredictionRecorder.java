package dev.kiln.server;

import dev.kiln.data.Frame;
import dev.kiln.learn.Predictions;
import dev.kiln.server.monitor.PredictionLog;
import io.javalin.http.Context;

/**
 * The prediction endpoints' one hook into monitoring: hands an answered request to the {@link PredictionLog} with
 * its latency so far, and when it is logged returns its id to the client in the {@value #ID_HEADER} header (a
 * batch's rows have consecutive ids from it; {@value #ROWS_HEADER} says how many). Never blocks.
 */
final class PredictionRecorder {
    static final String ID_HEADER = "X-Prediction-Id";
    static final String ROWS_HEADER = "X-Prediction-Rows";

    private final PredictionLog log;

    PredictionRecorder(PredictionLog log) {
        this.log = log;
    }

    /** Whether requests for {@code model} may be logged. */
    boolean mayLog(ServedModel model) {
        return log.sampleRate(model.name()) > 0;
    }

    /**
     * Whether {@code model}'s one-record requests may take the compiled path: always when they are not logged, else
     * when the log takes raw rows (it needs decoded frames while a version scores in shadow).
     */
    boolean fastPath(ServedModel model) {
        return fastPath(model, mayLog(model));
    }

    /** As {@link #fastPath(ServedModel)}, given {@link #mayLog}. */
    boolean fastPath(ServedModel model, boolean logged) {
        return !logged || log.acceptsRows(model.name());
    }

    /** The key field the compiled path must capture for the log, or null. */
    String keyField(ServedModel model) {
        return mayLog(model) ? log.keyColumn(model.name()) : null;
    }

    /** As {@link #keyField(ServedModel)}, given {@link #mayLog}. */
    String keyField(ServedModel model, boolean logged) {
        return logged ? log.keyColumn(model.name()) : null;
    }

    /** Hands the row the compiled path just predicted on this thread to the log (when {@link #mayLog}). */
    void recordRow(Context ctx, ServedModel model) {
        String id = recordRow(model, latency(ctx));
        if (id != null) {
            ctx.header(ID_HEADER, id);
        }
    }

    /**
     * As {@link #recordRow(Context, ServedModel)} for a request answered {@code latencyNanos} after it came; returns
     * the id for the {@value #ID_HEADER} header, or null when the row was not logged.
     */
    String recordRow(ServedModel model, long latencyNanos) {
        return model.records().log(log, model.logLayout(), latencyNanos);
    }

    private static long latency(Context ctx) {
        Long start = ctx.attribute(ServerMetrics.START);
        return start == null ? 0 : System.nanoTime() - start;
    }

    void record(Context ctx, ServedModel model, Frame input, Predictions predictions) {
        String id = log.record(model.logLayout(), input, predictions, latency(ctx));
        if (id != null) {
            ctx.header(ID_HEADER, id);
            if (predictions.size() > 1) {
                ctx.header(ROWS_HEADER, Integer.toString(predictions.size()));
            }
        }
    }
}
