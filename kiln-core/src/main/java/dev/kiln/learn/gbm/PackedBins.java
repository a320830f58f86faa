package dev.kiln.learn.gbm;

import dev.kiln.learn.tree.BinnedData;
import dev.kiln.learn.ParallelLoop;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * The training bins as the histogram builder reads them: row-major, one byte per packed column, where
 * a column is either one feature ("direct") or a bundle of mutually exclusive sparse features (exclusive
 * feature bundling, Ke et al. 2017). A feature may join a bundle when at most half of the rows leave its
 * most frequent ("default") bin and no row leaves the default bin of it and of another member; the test
 * is exact over every row, so histograms built from bundles are exact. One-hot indicator columns, which
 * the preparation makes of every categorical column, all bundle this way: a row then costs one histogram
 * update per categorical column instead of one per level.
 *
 * <p>The histogram gives every packed column a region of 256 bins ({@code 512} doubles, gradient and
 * hessian interleaved), so the bin of column {@code c} with byte {@code v} is at {@code 512 c + 2 v}: the
 * inner loop needs no offset table. A direct column's feature has its bins at the start of its region. A
 * bundle's byte is 0 when every member is at its default bin (bin 0 of the region: the spare), else
 * {@code base(member) + bin}: each member owns {@code binCount} consecutive bins of the region from its
 * base (1 for the first), its default bin among them never written by rows; {@link #completeBundles} fills
 * it as the spare plus the other members' non-default bins (each row is in exactly one of those sets).
 *
 * <p>Which features bundle depends only on the bins (features in order, each trying the open bundles
 * in order), so it is deterministic. Immutable after construction.
 */
final class PackedBins {
    /** How many open bundles a candidate feature tries before it stays a direct column. */
    private static final int MAX_TRIES = 8;
    /** Bins per packed column in the histogram. */
    static final int REGION = 256;
    private static final int ROW_BLOCK = 16_384;
    private final byte[] bins;
    private final int width;
    private final int direct;
    private final int[] offsets;
    private final int[][] members;
    private final int[] defaultBin;
    private final int[] binCounts;

    private PackedBins(byte[] bins, int width, int direct, int[] offsets, int[][] members, int[] defaultBin, int[] binCounts) {
        this.bins = bins;
        this.width = width;
        this.direct = direct;
        this.offsets = offsets;
        this.members = members;
        this.defaultBin = defaultBin;
        this.binCounts = binCounts;
    }

    /** Packs the bins of {@code data} (its bin columns; the row-major copy is not needed), in parallel on {@code pool}. */
    static PackedBins of(BinnedData data, ForkJoinPool pool) {
        int p = data.featureCount();
        int n = data.rows();
        int[] defaults = new int[p];
        int[] nonDefault = new int[p];
        int[] binCounts = new int[p];
        ParallelLoop.run(pool, p, p, (part, from, to) -> {
            int[] counts = new int[REGION];
            for (int j = from; j < to; j++) {
                Arrays.fill(counts, 0);
                for (byte b : data.column(j)) {
                    counts[b & 0xFF]++;
                }
                int best = 0;
                for (int b = 1; b < REGION; b++) {
                    best = counts[b] > counts[best] ? b : best;
                }
                defaults[j] = best;
                nonDefault[j] = n - counts[best];
                binCounts[j] = data.feature(j).binCount();
            }
        });
        List<byte[]> bundleColumns = new ArrayList<>();
        List<List<Integer>> bundleMembers = new ArrayList<>();
        List<Integer> bundleUsed = new ArrayList<>();
        int[] memberBase = new int[p];
        for (int j = 0; j < p; j++) {
            int size = binCounts[j];
            if (n == 0 || nonDefault[j] > n / 2 || size >= REGION - 1) {
                continue;
            }
            int[] rows = nonDefaultRows(data.column(j), defaults[j], nonDefault[j]);
            int chosen = -1;
            int tries = 0;
            for (int k = 0; k < bundleColumns.size() && tries < MAX_TRIES; k++) {
                if (1 + bundleUsed.get(k) + size > REGION) {
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
            int base = 1 + bundleUsed.get(chosen);
            memberBase[j] = base;
            byte[] column = bundleColumns.get(chosen);
            byte[] bins = data.column(j);
            for (int row : rows) {
                column[row] = (byte) (base + (bins[row] & 0xFF));
            }
            bundleMembers.get(chosen).add(j);
            bundleUsed.set(chosen, bundleUsed.get(chosen) + size);
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
        int bundles = keptColumns.size();
        int direct = 0;
        for (int j = 0; j < p; j++) {
            direct += bundled[j] ? 0 : 1;
        }
        int width = direct + bundles;
        byte[][] columns = new byte[width][];
        int[] offsets = new int[p];
        int c = 0;
        for (int j = 0; j < p; j++) {
            if (!bundled[j]) {
                columns[c] = data.column(j);
                offsets[j] = c * REGION;
                c++;
            }
        }
        int[][] members = keptMembers.toArray(new int[0][]);
        for (int k = 0; k < bundles; k++) {
            columns[direct + k] = keptColumns.get(k);
            for (int j : members[k]) {
                offsets[j] = (direct + k) * REGION + memberBase[j];
            }
        }
        byte[] packed = new byte[n * width];
        ParallelLoop.run(pool, n, Math.max(1, n / ROW_BLOCK), (part, from, to) -> {
            for (int i = from; i < to; i++) {
                int at = i * width;
                for (int col = 0; col < width; col++) {
                    packed[at + col] = columns[col][i];
                }
            }
        });
        int[] memberOffsets = offsets;
        return new PackedBins(packed, width, direct, memberOffsets, members, defaults, binCounts);
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

    int bundles() {
        return members.length;
    }

    /** Where each feature's bins start in a histogram, in bins. */
    int[] offsets() {
        return offsets.clone();
    }

    int histogramLength() {
        return 2 * REGION * width;
    }

    /** Zeroes the histogram regions of packed columns {@code [from, to)}. */
    void clear(double[] hist, int from, int to) {
        Arrays.fill(hist, 2 * REGION * from, 2 * REGION * to, 0);
    }

    /**
     * Fills the default bins of the members of the bundles among packed columns {@code [from, to)}: a
     * member's default-bin rows are the rows at no member's non-default bin (the spare) plus the rows at
     * another member's non-default bins.
     */
    void completeBundles(double[] hist, int from, int to) {
        for (int c = Math.max(from, direct); c < to; c++) {
            int[] group = members[c - direct];
            int m = group.length;
            int spare = 2 * REGION * c;
            double[] g = new double[m];
            double[] h = new double[m];
            for (int i = 0; i < m; i++) {
                int at = 2 * offsets[group[i]];
                for (int e = at; e < at + 2 * binCounts[group[i]]; e += 2) {
                    g[i] += hist[e];
                    h[i] += hist[e + 1];
                }
            }
            // others(i) = spare + the members before i + the members after i, each side added in member order
            double[] afterG = new double[m + 1];
            double[] afterH = new double[m + 1];
            for (int i = m - 1; i >= 0; i--) {
                afterG[i] = afterG[i + 1] + g[i];
                afterH[i] = afterH[i + 1] + h[i];
            }
            double beforeG = 0;
            double beforeH = 0;
            for (int i = 0; i < m; i++) {
                int at = 2 * (offsets[group[i]] + defaultBin[group[i]]);
                hist[at] = hist[spare] + beforeG + afterG[i + 1];
                hist[at + 1] = hist[spare + 1] + beforeH + afterH[i + 1];
                beforeG += g[i];
                beforeH += h[i];
            }
        }
    }
}
