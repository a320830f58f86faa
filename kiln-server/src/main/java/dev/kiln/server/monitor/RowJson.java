package dev.kiln.server.monitor;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.io.NumberOutput;
import dev.kiln.learn.Predictions;

/**
 * Encodes the outputs of a shadow version's prediction as the text the shadow table keeps: the prediction (label or
 * value) and {@code {"probabilities": {class: p}}} or {@code {"value": x}}, as the columnar log's rows read back.
 * Runs on the log's writer thread for every shadowed row.
 */
final class RowJson {
    private RowJson() {
    }

    /** The prediction as text: the class label, or the value. */
    static String prediction(Predictions predictions, int row) {
        return predictions.task().isClassification() ? predictions.label(row) : Double.toString(predictions.value(row));
    }

    static String outputs(Predictions predictions, int row, StringBuilder out) {
        out.setLength(0);
        if (!predictions.task().isClassification()) {
            out.append("{\"value\":");
            return number(predictions.value(row), out).append('}').toString();
        }
        out.append("{\"probabilities\":{");
        for (int c = 0; c < predictions.classes().size(); c++) {
            if (c > 0) {
                out.append(',');
            }
            quote(predictions.classes().get(c), out).append(':');
            number(predictions.probability(row, c), out);
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
        // Schubfach (Jackson's fast writer): several times faster than Double.toString on Java 17, same shortest digits
        return out.append(NumberOutput.toString(value, true));
    }

    private static StringBuilder quote(String text, StringBuilder out) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(text, out);
        return out.append('"');
    }
}
