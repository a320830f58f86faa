package dev.kiln.store;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns a logged prediction has in the columnar log besides the model's features: the id number (the id is
 * the writer's prefix and this number), when it was answered, its latency, the key column's value, the prediction
 * (the class label for a classifier, the value for a regression) and, for a classifier, one probability column per
 * class, named {@value #PROBABILITY} followed by the class. Feature columns keep their names; a feature named like
 * one of these (a leading {@code __}) is not logged.
 */
public final class LogColumns {
    /** The id number, a whole number stored as a double (exact below 2^53). */
    public static final String NUMBER = "__number";
    /** When the prediction was answered, epoch milliseconds, as a double. */
    public static final String AT = "__at_ms";
    /** The request's latency in microseconds, as a double. */
    public static final String LATENCY = "__latency_us";
    /** The key column's value as text (missing when the model has none). */
    public static final String KEY = "__key";
    /** The predicted label (categorical) or value (numeric). */
    public static final String PREDICTION = "__prediction";
    /** The prefix of the class-probability columns. */
    public static final String PROBABILITY = "__p:";

    private LogColumns() {
    }

    /** Whether {@code name} is one of the log's own columns rather than a feature. */
    public static boolean isLogColumn(String name) {
        return name.startsWith("__");
    }

    /** The feature columns of a log frame, in order. */
    public static List<Column> features(Frame frame) {
        List<Column> out = new ArrayList<>();
        for (Column column : frame.columns()) {
            if (!isLogColumn(column.name())) {
                out.add(column);
            }
        }
        return out;
    }

    /** The classes of a log frame's probability columns, in order (empty for a regression). */
    public static List<String> classes(Frame frame) {
        List<String> out = new ArrayList<>();
        for (String name : frame.names()) {
            if (name.startsWith(PROBABILITY)) {
                out.add(name.substring(PROBABILITY.length()));
            }
        }
        return out;
    }
}
