package dev.kiln.prep;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows one isolation tree of an {@link IsolationForest} on a random sub-sample, into growable flat node
 * arrays. Used only while fitting; not thread-safe (one builder per tree).
 */
final class IsolationTreeBuilder {
    private final double[] rows;
    private final int d;
    private final int heightLimit;
    private final SplittableRandom random;
    private int[] feature = new int[64];
    private double[] value = new double[64];
    private int[] left = new int[64];
    private int[] right = new int[64];
    private int size;

    private IsolationTreeBuilder(double[] rows, int d, int heightLimit, SplittableRandom random) {
        this.rows = rows;
        this.d = d;
        this.heightLimit = heightLimit;
        this.random = random;
    }

    /** A tree on {@code psi} of the {@code n} rows, drawn without replacement by {@code random}. */
    static IsolationTreeBuilder grow(double[] rows, int n, int d, int psi, SplittableRandom random) {
        int heightLimit = (int) Math.ceil(Math.log(psi) / Math.log(2));
        IsolationTreeBuilder builder = new IsolationTreeBuilder(rows, d, heightLimit, random);
        int[] sample = sample(n, psi, random);
        builder.build(sample, 0, sample.length, 0);
        return builder;
    }

    /** {@code psi} distinct row indexes of {@code [0, n)}: partial Fisher–Yates when dense, rejection otherwise. */
    static int[] sample(int n, int psi, SplittableRandom random) {
        if (psi * 4L >= n) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            for (int i = 0; i < psi; i++) {
                int j = i + random.nextInt(n - i);
                int t = all[i];
                all[i] = all[j];
                all[j] = t;
            }
            return Arrays.copyOf(all, psi);
        }
        int[] out = new int[psi];
        int[] table = new int[Integer.highestOneBit(psi) * 4];
        Arrays.fill(table, -1);
        int mask = table.length - 1;
        int count = 0;
        while (count < psi) {
            int candidate = random.nextInt(n);
            int slot = (candidate * 0x9E3779B9) >>> 7 & mask;
            while (table[slot] >= 0 && table[slot] != candidate) {
                slot = (slot + 1) & mask;
            }
            if (table[slot] < 0) {
                table[slot] = candidate;
                out[count++] = candidate;
            }
        }
        return out;
    }

    private int build(int[] sample, int from, int to, int depth) {
        int node = newNode();
        if (depth >= heightLimit || to - from <= 1) {
            return leaf(node, to - from, depth);
        }
        int start = random.nextInt(d);
        for (int attempt = 0; attempt < d; attempt++) {
            int q = (start + attempt) % d;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                double v = rows[sample[i] * d + q];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (max > min) {
                double split = min + random.nextDouble() * (max - min);
                if (split >= max) {
                    split = min;
                }
                int middle = partition(sample, from, to, q, split);
                feature[node] = q;
                value[node] = split;
                int leftChild = build(sample, from, middle, depth + 1);
                int rightChild = build(sample, middle, to, depth + 1);
                left[node] = leftChild;
                right[node] = rightChild;
                return node;
            }
        }
        return leaf(node, to - from, depth);
    }

    /** Reorders {@code sample[from, to)} so that rows with feature {@code q} at most {@code split} come first. */
    private int partition(int[] sample, int from, int to, int q, double split) {
        int i = from;
        int j = to - 1;
        while (i <= j) {
            if (rows[sample[i] * d + q] <= split) {
                i++;
            } else {
                int t = sample[i];
                sample[i] = sample[j];
                sample[j] = t;
                j--;
            }
        }
        return i;
    }

    private int leaf(int node, int count, int depth) {
        feature[node] = -1;
        value[node] = depth + IsolationForest.averagePathLength(count);
        return node;
    }

    private int newNode() {
        if (size == feature.length) {
            int capacity = size * 2;
            feature = Arrays.copyOf(feature, capacity);
            value = Arrays.copyOf(value, capacity);
            left = Arrays.copyOf(left, capacity);
            right = Arrays.copyOf(right, capacity);
        }
        return size++;
    }

    int size() {
        return size;
    }

    /** Copies the nodes into the forest's arrays at {@code offset}, shifting child indexes by it. */
    void copyInto(int offset, int[] features, double[] values, int[] lefts, int[] rights) {
        for (int node = 0; node < size; node++) {
            features[offset + node] = feature[node];
            values[offset + node] = value[node];
            lefts[offset + node] = feature[node] < 0 ? -1 : left[node] + offset;
            rights[offset + node] = feature[node] < 0 ? -1 : right[node] + offset;
        }
    }
}
