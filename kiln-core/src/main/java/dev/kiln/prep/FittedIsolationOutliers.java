package dev.kiln.prep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Checks;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The fitted isolation-forest outlier step of {@link IsolationOutliers}: the scored columns with their
 * training medians (the fill for a missing value), the forest and the threshold. With action
 * {@code flag}, {@link #apply} adds the column {@value #FLAG_COLUMN} (1 when the row's score is above the
 * threshold); with {@code drop}, {@link #apply} passes rows unchanged and {@link #select} keeps the
 * training rows at or below it. A batch and a single row get the same answer. Immutable.
 */
public final class FittedIsolationOutliers implements FittedTransformer, RowFilter {
    public static final String TYPE = "isolation_outliers";
    /** The flag column added with action {@code flag}. */
    public static final String FLAG_COLUMN = "is_outlier";

    private final List<String> columns;
    private final double[] fills;
    private final IsolationForest forest;
    private final double threshold;
    private final OutlierRule.Action action;

    FittedIsolationOutliers(List<String> columns, double[] fills, IsolationForest forest, double threshold,
                            OutlierRule.Action action) {
        Checks.checkArgument(columns.size() == fills.length && columns.size() == forest.features(),
                "isolation_outliers: %s columns, %s fills, forest over %s features", columns.size(), fills.length, forest.features());
        Checks.checkArgument(action != OutlierRule.Action.CLIP, "isolation_outliers: action clip is not supported");
        this.columns = List.copyOf(columns);
        this.fills = fills.clone();
        this.forest = forest;
        this.threshold = threshold;
        this.action = action;
    }

    /** The columns {@code names} of {@code frame} row-major, missing values replaced by {@code fills}. */
    static double[] rows(Frame frame, List<String> names, double[] fills) {
        int n = frame.rowCount();
        int d = names.size();
        double[] out = new double[n * d];
        for (int j = 0; j < d; j++) {
            String name = names.get(j);
            Checks.checkArgument(frame.has(name), "outliers: missing column '%s'", name);
            Column column = frame.column(name);
            Checks.checkArgument(column instanceof NumericColumn, "outliers: column '%s' is %s, expected numeric",
                    name, column.kind().label());
            NumericColumn numeric = (NumericColumn) column;
            for (int i = 0; i < n; i++) {
                double v = numeric.get(i);
                out[i * d + j] = Double.isNaN(v) ? fills[j] : v;
            }
        }
        return out;
    }

    /** The anomaly score of every row of {@code frame}. */
    public double[] scores(Frame frame) {
        return forest.scores(rows(frame, columns, fills), frame.rowCount());
    }

    public double threshold() {
        return threshold;
    }

    public OutlierRule.Action action() {
        return action;
    }

    @Override
    public Frame apply(Frame frame) {
        if (action == OutlierRule.Action.DROP) {
            return frame;
        }
        double[] scores = scores(frame);
        double[] flags = new double[scores.length];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = scores[i] > threshold ? 1 : 0;
        }
        List<Column> out = new ArrayList<>(frame.columns());
        out.add(NumericColumn.wrap(FLAG_COLUMN, flags));
        return Frame.of(out);
    }

    @Override
    public RowSelection select(Frame train) {
        double[] scores = scores(train);
        int[] kept = new int[scores.length];
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!(scores[i] > threshold)) {
                kept[n++] = i;
            }
        }
        int dropped = scores.length - n;
        return new RowSelection(Arrays.copyOf(kept, n), dropped, String.format(Locale.ROOT,
                "dropped %d training rows that an isolation forest over %d columns scores above %.4f", dropped, columns.size(),
                threshold));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode toJson(BinaryArrays arrays) {
        ObjectNode node = StepJson.node(TYPE).put("action", action.name().toLowerCase(Locale.ROOT)).put("threshold", threshold);
        StepJson.putStrings(node, "columns", columns);
        node.put("fills", arrays.putDoubles(fills));
        forest.writeTo(node, arrays);
        return node;
    }

    public static FittedIsolationOutliers fromJson(ObjectNode node, BinaryArrays arrays) {
        String action = node.path("action").asText();
        Checks.checkArgument(action.equals("flag") || action.equals("drop"), "isolation_outliers.action: expected flag or drop, got '%s'",
                action);
        Checks.checkArgument(node.path("threshold").isNumber(), "isolation_outliers.threshold: expected a number");
        return new FittedIsolationOutliers(StepJson.strings(node.path("columns")), arrays.doubles(node.path("fills").asText()),
                IsolationForest.readFrom(node, arrays), node.path("threshold").doubleValue(),
                OutlierRule.Action.valueOf(action.toUpperCase(Locale.ROOT)));
    }
}
