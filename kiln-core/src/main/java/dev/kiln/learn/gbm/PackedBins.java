package dev.kiln.learn.gbm;

import dev.kiln.learn.tree.BinnedData;
import dev.kiln.learn.tree.ParallelLoop;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * The training bins as the histogram builder reads them: row-major, one byte per packed column, where
 * a column is either one feature ("direct") or a bundle of mutually exclusive sparse features (exclusive
 * feature bundling, Ke et al. 2017). A feature may join a bundle when at most half of the rows leave its
 * most frequent ("default") bin and no row leaves the default bin of it and of another member; the test
 * is exact over every row, so histograms built from bundles are exact. A bundle byte is 0 when every
 * member is at its default bin, else {@code 1 + } the position of (member, non-default bin) in the
 * bundle's list, which {@link #bundleSlots} maps to that bin's place in the flat histogram; byte 0 maps
 * to the bundle's spare pair after the features' bins. One-hot indicator columns, which the preparation
 * makes of every categorical column, all bundle this way: a row then costs one histogram update per
 * categorical column instead of one per level.
 *
 * <p>Which features bundle depends only on the bins (features in order, each trying the open bundles
 * in order), so it is deterministic. Immutable after construction.
 */
final class PackedBins {
    /** How many open bundles a candidate feature tries before it stays a direct column. */
    private static final int MAX_TRIES = 8;
    private static final int BUNDLE_VALUES = 256;
    private static final int ROW_BLOCK = 16_384;
    private final byte[] bins;
    private final int width;
    private final int direct;
    private final int[] doubledBases;
    private final int[] bundleSlots;
    private final int[][] members;
    private final int[] defaultBin;
    private final int[] doubledOffsets;
    private final int[] directFeature;
    private final int histogramLength;

    private PackedBins(byte[] bins, int width, int direct, int[] directFeature, int[][] members, int[] bundleSlots,
            int[] defaultBin, BinnedData data) {
        this.bins = bins;
        this.width = width;
        this.direct = direct;
        this.directFeature = directFeature;
        this.members = members;
        this.bundleSlots = bundleSlots;
        this.defaultBin = defaultBin;
        int p = data.featureCount();
        this.doubledOffsets = new int[p + 1];
        for (int j = 0; j <= p; j++) {
            doubledOffsets[j] = 2 * (j < p ? data.offset(j) : data.totalBins());
        }
        this.doubledBases = new int[direct];
        for (int c = 0; c < direct; c++) {
            doubledBases[c] = doubledOffsets[directFeature[c]];
        }
        this.histogramLength = 2 * (data.totalBins() + members.length);
    }

    /** Packs the bins of {@code data} (its bin columns; the row-major copy is not needed), in parallel on {@code pool}. */
    static PackedBins of(BinnedData data, ForkJoinPool pool) {
        int p = data.featureCount();
        int n = data.rows();
        int[] defaults = new int[p];
        int[] nonDefault = new int[p];
        ParallelLoop.run(pool, p, p, (part, from, to) -> {
            int[] counts = new int[BUNDLE_VALUES];
            for (int j = from; j < to; j++) {
                Arrays.fill(counts, 0);
                for (byte b : data.column(j)) {
                    counts[b & 0xFF]++;
                }
                int best = 0;
                for (int b = 1; b < BUNDLE_VALUES; b++) {
                    best = counts[b] > counts[best] ? b : best;
                }
                defaults[j] = best;
                nonDefault[j] = n - counts[best];
            }
        });
        List<byte[]> bundleColumns = new ArrayList<>();
        List<List<Integer>> bundleMembers = new ArrayList<>();
        List<Integer> bundleUsed = new ArrayList<>();
        int[] memberBase = new int[p];
        for (int j = 0; j < p; j++) {
            int slots = data.feature(j).binCount() - 1;
            if (n == 0 || nonDefault[j] > n / 2 || slots < 1) {
                continue;
            }
            int[] rows = nonDefaultRows(data.column(j), defaults[j], nonDefault[j]);
            int chosen = -1;
            int tries = 0;
            for (int k = 0; k < bundleColumns.size() && tries < MAX_TRIES; k++) {
                if (bundleUsed.get(k) + slots >= BUNDLE_VALUES) {
                    continue;
                }
                tries++;
                if (exclusive(bundleColumns.get(k), rows)) {
                    chosen = k;
                    break;
                }
            }
            if (chosen < 0) {
                chosen = bundleColumns.size();
                bundleColumns.add(new byte[n]);
                bundleMembers.add(new ArrayList<>());
                bundleUsed.add(0);
            }
            int base = bundleUsed.get(chosen) + 1;
            memberBase[j] = base;
            byte[] column = bundleColumns.get(chosen);
            byte[] bins = data.column(j);
            int d = defaults[j];
            for (int row : rows) {
                int b = bins[row] & 0xFF;
                column[row] = (byte) (base + (b < d ? b : b - 1));
            }
            bundleMembers.get(chosen).add(j);
            bundleUsed.set(chosen, bundleUsed.get(chosen) + slots);
        }
        // a bundle of one feature saves nothing: that feature stays direct
        boolean[] bundled = new boolean[p];
        List<byte[]> keptColumns = new ArrayList<>();
        List<int[]> keptMembers = new ArrayList<>();
        for (int k = 0; k < bundleColumns.size(); k++) {
            if (bundleMembers.get(k).size() > 1) {
                keptColumns.add(bundleColumns.get(k));
                keptMembers.add(bundleMembers.get(k).stream().mapToInt(Integer::intValue).toArray());
                for (int j : bundleMembers.get(k)) {
                    bundled[j] = true;
                }
            }
        }
        int[] directFeature = new int[p];
        int direct = 0;
        for (int j = 0; j < p; j++) {
            if (!bundled[j]) {
                directFeature[direct++] = j;
            }
        }
        directFeature = Arrays.copyOf(directFeature, direct);
        int bundles = keptColumns.size();
        int[][] members = keptMembers.toArray(new int[0][]);
        int[] slots = new int[bundles * BUNDLE_VALUES];
        int totalBins = data.totalBins();
        for (int k = 0; k < bundles; k++) {
            Arrays.fill(slots, k * BUNDLE_VALUES, (k + 1) * BUNDLE_VALUES, 2 * (totalBins + k));
            for (int j : members[k]) {
                for (int b = 0; b < data.feature(j).binCount(); b++) {
                    if (b != defaults[j]) {
                        int value = memberBase[j] + (b < defaults[j] ? b : b - 1);
                        slots[k * BUNDLE_VALUES + value] = 2 * (data.offset(j) + b);
                    }
                }
            }
        }
        int width = direct + bundles;
        byte[] packed = new byte[n * width];
        byte[][] columns = new byte[width][];
        for (int c = 0; c < direct; c++) {
            columns[c] = data.column(directFeature[c]);
        }
        for (int k = 0; k < bundles; k++) {
            columns[direct + k] = keptColumns.get(k);
        }
        ParallelLoop.run(pool, n, Math.max(1, n / ROW_BLOCK), (part, from, to) -> {
            for (int i = from; i < to; i++) {
                int at = i * width;
                for (int c = 0; c < width; c++) {
                    packed[at + c] = columns[c][i];
                }
            }
        });
        return new PackedBins(packed, width, direct, directFeature, members, slots, defaults, data);
    }

    private static int[] nonDefaultRows(byte[] bins, int defaultBin, int count) {
        int[] rows = new int[count];
        int m = 0;
        for (int i = 0; i < bins.length; i++) {
            if ((bins[i] & 0xFF) != defaultBin) {
                rows[m++] = i;
            }
        }
        return rows;
    }

    private static boolean exclusive(byte[] bundle, int[] rows) {
        for (int row : rows) {
            if (bundle[row] != 0) {
                return false;
            }
        }
        return true;
    }

    byte[] bins() {
        return bins;
    }

    /** Packed columns per row. */
    int width() {
        return width;
    }

    /** Packed columns {@code [0, directColumns())} hold one feature each; the rest are bundles. */
    int directColumns() {
        return direct;
    }

    /** Per direct column: twice its feature's histogram offset. */
    int[] doubledBases() {
        return doubledBases;
    }

    /** Per bundle {@code k} and byte {@code v}: the doubled histogram index at {@code [k * 256 + v]}. */
    int[] bundleSlots() {
        return bundleSlots;
    }

    int bundles() {
        return members.length;
    }

    int histogramLength() {
        return histogramLength;
    }

    /** Zeroes every histogram entry that packed columns {@code [from, to)} write. */
    void clear(double[] hist, int from, int to) {
        for (int c = from; c < to; c++) {
            if (c < direct) {
                int j = directFeature[c];
                Arrays.fill(hist, doubledOffsets[j], doubledOffsets[j + 1], 0);
            } else {
                int k = c - direct;
                for (int j : members[k]) {
                    Arrays.fill(hist, doubledOffsets[j], doubledOffsets[j + 1], 0);
                }
                int spare = histogramLength - 2 * (members.length - k);
                hist[spare] = 0;
                hist[spare + 1] = 0;
            }
        }
    }

    /**
     * Fills the default bins of the members of the bundles among packed columns {@code [from, to)}: a
     * member's default-bin rows are the rows at no member's non-default bin (the spare pair) plus the rows at
     * another member's non-default bins.
     */
    void completeBundles(double[] hist, int from, int to) {
        for (int c = Math.max(from, direct); c < to; c++) {
            int k = c - direct;
            int[] group = members[k];
            int m = group.length;
            int spare = histogramLength - 2 * (members.length - k);
            double[] g = new double[m];
            double[] h = new double[m];
            for (int i = 0; i < m; i++) {
                int j = group[i];
                for (int e = doubledOffsets[j]; e < doubledOffsets[j + 1]; e += 2) {
                    g[i] += hist[e];
                    h[i] += hist[e + 1];
                }
            }
            // others(i) = spare + sum before i + sum after i, each side added in member order
            double beforeG = 0;
            double beforeH = 0;
            double[] afterG = new double[m + 1];
            double[] afterH = new double[m + 1];
            for (int i = m - 1; i >= 0; i--) {
                afterG[i] = afterG[i + 1] + g[i];
                afterH[i] = afterH[i + 1] + h[i];
            }
            for (int i = 0; i < m; i++) {
                int at = doubledOffsets[group[i]] + 2 * defaultBin[group[i]];
                hist[at] = hist[spare] + beforeG + afterG[i + 1];
                hist[at + 1] = hist[spare + 1] + beforeH + afterH[i + 1];
                beforeG += g[i];
                beforeH += h[i];
            }
        }
    }
}
