package dev.kiln.prep;

import dev.kiln.data.Checks;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * k-nearest-neighbour imputation of numeric columns, in the manner of scikit-learn's KNNImputer: a
 * missing value becomes the mean of that column over the {@code k} training rows nearest to the row,
 * by Euclidean distance on the standardised columns both rows have (scaled up for the coordinates
 * that are missing). Keeps at most {@code maxReferenceRows} training rows (an even stride through the
 * training rows), so serving costs O(maxReferenceRows × columns) per incomplete row. Other kinds pass through.
 */
public final class KnnImputer implements Transformer {
    private final int k;
    private final int maxReferenceRows;

    public KnnImputer(int k, int maxReferenceRows) {
        Checks.checkArgument(k >= 1, "k must be at least 1: %s", k);
        Checks.checkArgument(maxReferenceRows >= 1, "maxReferenceRows must be at least 1: %s", maxReferenceRows);
        this.k = k;
        this.maxReferenceRows = maxReferenceRows;
    }

    public KnnImputer() {
        this(5, 2000);
    }

    @Override
    public FittedKnnImputer fit(Frame train) {
        List<NumericColumn> columns = new ArrayList<>();
        for (Column column : train.columns()) {
            if (column instanceof NumericColumn n) {
                columns.add(n);
            }
        }
        int d = columns.size();
        int rows = train.rowCount();
        int kept = Math.min(rows, maxReferenceRows);
        double[] means = new double[d];
        double[] scales = new double[d];
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            double[] present = TrainingStats.sortedPresent(columns.get(j));
            means[j] = present.length == 0 ? 0.0 : TrainingStats.mean(present);
            double std = present.length == 0 ? 0.0 : TrainingStats.std(present);
            scales[j] = std > 0 ? std : 1.0;
            names.add(columns.get(j).name());
        }
        double[] reference = new double[kept * d];
        for (int r = 0; r < kept; r++) {
            int row = (int) ((long) r * rows / kept);
            for (int j = 0; j < d; j++) {
                reference[r * d + j] = columns.get(j).get(row);
            }
        }
        return new FittedKnnImputer(names, means, scales, reference, k);
    }
}
