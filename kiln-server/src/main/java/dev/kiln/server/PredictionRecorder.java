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

    /** Whether requests for {@code model} may be logged (then they need a frame and predictions to hand over). */
    boolean mayLog(ServedModel model) {
        return log.sampleRate(model.name()) > 0;
    }

    void record(Context ctx, ServedModel model, Frame input, Predictions predictions) {
        Long start = ctx.attribute(ServerMetrics.START);
        long latency = start == null ? 0 : System.nanoTime() - start;
        String id = log.record(model.name(), model.version(), input, predictions, latency);
        if (id != null) {
            ctx.header(ID_HEADER, id);
            if (predictions.size() > 1) {
                ctx.header(ROWS_HEADER, Integer.toString(predictions.size()));
            }
        }
    }
}
