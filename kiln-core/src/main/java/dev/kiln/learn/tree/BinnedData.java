package dev.kiln.learn.tree;

import dev.kiln.learn.ParallelLoop;
import java.util.concurrent.ForkJoinPool;

/**
 * Rows of features replaced by their bin numbers, row-major in one {@code byte[]} (row {@code i},
 * feature {@code j} at {@code i * features + j}; read it as unsigned). Row-major keeps a row's bins in
 * one cache line, so building a histogram reads each row's gradient once for all features.
 * A column-major copy ({@link #column}) serves partitioning, which reads one feature of many rows; a
 * learner with a row layout of its own may build the data from columns alone (no row-major copy).
 * Also holds each feature's histogram offset, so the bins of all features form one flat histogram.
 *
 * <p>Immutable after construction; {@link #bins()} hands out the array for the hot loops of the tree
 * learners, which must not modify it.
 */
public final class BinnedData {
    private final byte[] bins;
    private final byte[][] columns;
    private final FeatureBins[] features;
    private final int rows;
    private final int[] offsets;

    private BinnedData(byte[] bins, byte[][] columns, FeatureBins[] features, int rows) {
        this.bins = bins;
        this.columns = columns;
        this.features = features.clone();
        this.rows = rows;
        this.offsets = new int[features.length + 1];
        for (int j = 0; j < features.length; j++) {
            offsets[j + 1] = offsets[j] + features[j].binCount();
        }
    }

    /** Bins rows {@code rows} of {@code columns} with {@code features}, in parallel over blocks of rows. */
    public static BinnedData of(double[][] columns, int[] rows, FeatureBins[] features, ForkJoinPool pool) {
        int p = columns.length;
        byte[] bins = new byte[rows.length * p];
        byte[][] binColumns = new byte[p][rows.length];
        ParallelLoop.run(pool, rows.length, Math.max(1, rows.length / 16_384), (part, from, to) -> {
            for (int j = 0; j < p; j++) {
                double[] column = columns[j];
                byte[] binColumn = binColumns[j];
                FeatureBins mapper = features[j];
                for (int i = from; i < to; i++) {
                    binColumn[i] = (byte) mapper.bin(column[rows[i]]);
                }
            }
            for (int i = from; i < to; i++) {
                for (int j = 0; j < p; j++) {
                    bins[i * p + j] = binColumns[j][i];
                }
            }
        });
        return new BinnedData(bins, binColumns, features, rows.length);
    }

    /** The bin of each of {@code rows} in {@code column} (all rows of one feature) under {@code bins}. */
    public static byte[] binColumn(double[] column, int[] rows, FeatureBins bins) {
        byte[] out = new byte[rows.length];
        double[] edges = bins.isCategorical() ? null : bins.upperEdges();
        if (edges != null && edges.length >= 16 && rows.length >= 4_096) {
            // many values against many edges: a cell table narrows each search to the edges near the value
            EdgeLookup lookup = new EdgeLookup(edges);
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) lookup.bin(column[rows[i]]);
            }
            return out;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) bins.bin(column[rows[i]]);
        }
        return out;
    }

    /**
     * Binned data from one bin column per feature (kept as the column-major copy, not copied), all of
     * the same length; builds the row-major array in parallel over blocks of rows.
     */
    public static BinnedData ofBinColumns(byte[][] binColumns, FeatureBins[] features, ForkJoinPool pool) {
        return ofBinColumns(binColumns, features, pool, true);
    }

    /**
     * As {@link #ofBinColumns(byte[][], FeatureBins[], ForkJoinPool)}, building the row-major array only when
     * {@code rowMajor}: a learner with its own row layout (gradient boosting packs sparse features together) then
     * holds one copy of the bins, not two; {@link #bins()} is refused on such data.
     */
    public static BinnedData ofBinColumns(byte[][] binColumns, FeatureBins[] features, ForkJoinPool pool, boolean rowMajor) {
        int p = binColumns.length;
        int n = p == 0 ? 0 : binColumns[0].length;
        if (!rowMajor) {
            return new BinnedData(null, binColumns, features, n);
        }
        byte[] bins = new byte[n * p];
        ParallelLoop.run(pool, n, Math.max(1, n / 16_384), (part, from, to) -> {
            for (int i = from; i < to; i++) {
                for (int j = 0; j < p; j++) {
                    bins[i * p + j] = binColumns[j][i];
                }
            }
        });
        return new BinnedData(bins, binColumns, features, n);
    }

    /** The bins, row-major; callers must not modify them. Refused on data built without the row-major copy. */
    public byte[] bins() {
        if (bins == null) {
            throw new IllegalStateException("bins: this binned data holds bin columns only");
        }
        return bins;
    }

    /** The bins of feature {@code j} for every row; callers must not modify them. */
    public byte[] column(int j) {
        return columns[j];
    }

    public int bin(int row, int feature) {
        return columns[feature][row] & 0xFF;
    }

    public int rows() {
        return rows;
    }

    public int featureCount() {
        return features.length;
    }

    public FeatureBins feature(int j) {
        return features[j];
    }

    /** Where feature {@code j}'s bins start in a flat histogram. */
    public int offset(int j) {
        return offsets[j];
    }

    /** The bins of all features together: the length of a flat histogram in bins. */
    public int totalBins() {
        return offsets[features.length];
    }
}
