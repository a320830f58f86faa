package dev.kiln.store;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.io.NumberOutput;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * One row of a columnar log frame as the text a {@link LoggedPrediction} carries: inputs as a JSON object
 * ({@code {"name": value, ...}}, numbers, strings, null for missing), outputs as {@code {"probabilities": {class: p}}}
 * or {@code {"value": x}}, the prediction as the label or {@link Double#toString} of the value. Only the readers
 * that want rows (feedback, retraining, live quality) pay for it, never the writer; shadow predictions use the same
 * text ({@link #outputs(List, IntToDoubleFunction, double)}). Stateless.
 */
public final class LogText {
    private LogText() {
    }

    static String inputs(List<Column> features, int row) {
        StringBuilder out = new StringBuilder(32 * features.size());
        out.append('{');
        boolean first = true;
        for (Column column : features) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(column.name(), out).append(':');
            if (column.isMissing(row)) {
                out.append("null");
            } else if (column instanceof NumericColumn n) {
                number(n.get(row), out);
            } else {
                quote(column.format(row), out);
            }
        }
        return out.append('}').toString();
    }

    static String prediction(Frame frame, int row) {
        Column column = frame.column(LogColumns.PREDICTION);
        if (column instanceof NumericColumn n) {
            return Double.toString(n.get(row));
        }
        String label = column.format(row);
        return label == null ? "" : label;
    }

    static String outputs(Frame frame, List<String> classes, int row) {
        Column column = frame.column(LogColumns.PREDICTION);
        double value = classes.isEmpty() && column instanceof NumericColumn n ? n.get(row) : Double.NaN;
        return outputs(classes, c -> frame.numeric(LogColumns.PROBABILITY + classes.get(c)).get(row), value);
    }

    /**
     * Outputs as text, as a logged row reads back: {@code {"probabilities": {class: p}}} with the probability of each
     * class by index when there are classes, else {@code {"value": x}}; the server writes shadow predictions with it.
     */
    public static String outputs(List<String> classes, IntToDoubleFunction probability, double value) {
        StringBuilder out = new StringBuilder(64);
        if (classes.isEmpty()) {
            out.append("{\"value\":");
            return number(value, out).append('}').toString();
        }
        out.append("{\"probabilities\":{");
        for (int c = 0; c < classes.size(); c++) {
            if (c > 0) {
                out.append(',');
            }
            quote(classes.get(c), out).append(':');
            number(probability.applyAsDouble(c), out);
        }
        return out.append("}}").toString();
    }

    private static StringBuilder number(double value, StringBuilder out) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return out.append("null");
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return out.append((long) value);
        }
        return out.append(NumberOutput.toString(value, true));
    }

    private static StringBuilder quote(String text, StringBuilder out) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(text, out);
        return out.append('"');
    }
}
