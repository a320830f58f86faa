package dev.kiln.prep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.BinaryArrays;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The reference rows, means and scales learned by {@link KnnImputer}. Immutable; a row's fill depends
 * only on that row and the reference, so batch and single-row results are equal. Columns absent at
 * apply time are treated as missing in every row.
 */
public final class FittedKnnImputer implements FittedTransformer {
    public static final String TYPE = "knn_imputer";

    private final List<String> columns;
    private final double[] means;
    private final double[] scales;
    private final double[] reference;
    private final int k;

    FittedKnnImputer(List<String> columns, double[] means, double[] scales, double[] reference, int k) {
        this.columns = List.copyOf(columns);
        this.means = means.clone();
        this.scales = scales.clone();
        this.reference = reference.clone();
        this.k = k;
    }

    @Override
    public Frame apply(Frame frame) {
        int d = columns.size();
        int rows = frame.rowCount();
        double[][] values = new double[d][];
        for (int j = 0; j < d; j++) {
            String name = columns.get(j);
            values[j] = frame.has(name) && frame.column(name) instanceof NumericColumn n ? n.toArray() : null;
        }
        double[] row = new double[d];
        double[] distances = new double[reference.length / Math.max(d, 1)];
        for (int i = 0; i < rows; i++) {
            boolean incomplete = false;
            for (int j = 0; j < d; j++) {
                row[j] = values[j] == null ? Double.NaN : values[j][i];
                incomplete |= values[j] != null && Double.isNaN(row[j]);
            }
            if (incomplete) {
                fillRow(row, distances);
                for (int j = 0; j < d; j++) {
                    if (values[j] != null) {
                        values[j][i] = row[j];
                    }
                }
            }
        }
        Frame out = frame;
        for (int j = 0; j < d; j++) {
            if (values[j] != null) {
                out = out.with(NumericColumn.wrap(columns.get(j), values[j]));
            }
        }
        return out;
    }

    /** Fills the NaN entries of {@code row} in place from its nearest reference rows. */
    private void fillRow(double[] row, double[] distances) {
        int d = columns.size();
        int n = distances.length;
        for (int r = 0; r < n; r++) {
            double sum = 0;
            int shared = 0;
            for (int j = 0; j < d; j++) {
                double a = row[j];
                double b = reference[r * d + j];
                if (!Double.isNaN(a) && !Double.isNaN(b)) {
                    double diff = (a - b) / scales[j];
                    sum += diff * diff;
                    shared++;
                }
            }
            distances[r] = shared == 0 ? Double.POSITIVE_INFINITY : Math.sqrt(sum * d / shared);
        }
        Integer[] order = new Integer[n];
        for (int r = 0; r < n; r++) {
            order[r] = r;
        }
        Arrays.sort(order, (x, y) -> Double.compare(distances[x], distances[y]) != 0
                ? Double.compare(distances[x], distances[y]) : Integer.compare(x, y));
        for (int j = 0; j < d; j++) {
            if (!Double.isNaN(row[j])) {
                continue;
            }
            double sum = 0;
            int used = 0;
            for (int t = 0; t < n && used < k; t++) {
                double v = reference[order[t] * d + j];
                if (!Double.isNaN(v) && distances[order[t]] < Double.POSITIVE_INFINITY) {
                    sum += v;
                    used++;
                }
            }
            row[j] = used == 0 ? means[j] : sum / used;
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode toJson(BinaryArrays arrays) {
        ObjectNode node = StepJson.node(TYPE).put("k", k);
        StepJson.putStrings(node, "columns", columns);
        node.put("means", arrays.putDoubles(means));
        node.put("scales", arrays.putDoubles(scales));
        node.put("reference", arrays.putDoubles(reference));
        return node;
    }

    public static FittedKnnImputer fromJson(ObjectNode node, BinaryArrays arrays) {
        List<String> columns = new ArrayList<>(StepJson.strings(node.path("columns")));
        return new FittedKnnImputer(columns, arrays.doubles(node.path("means").asText()),
                arrays.doubles(node.path("scales").asText()), arrays.doubles(node.path("reference").asText()),
                node.path("k").asInt());
    }
}
