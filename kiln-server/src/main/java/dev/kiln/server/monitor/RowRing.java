package dev.kiln.server.monitor;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A bounded ring of logged rows between the request threads (many producers) and the log's writer (one consumer).
 * A producer claims a slot with one compare-and-set, copies the row into the slot and publishes it with one ordered
 * store; when the ring is full the claim fails at once (the caller drops and counts the row — nothing ever waits).
 * The consumer reads published slots in order and releases them. Thread-safe as described.
 *
 * <p>The slots live in a few flat arrays, not in an object per slot: a row's values go to a fixed stride of one
 * shared array, so consecutive requests write consecutive memory that the processor prefetches, and a request
 * touches only the cache lines its row fills. References are written only when they change (the layout, the key)
 * or exist (the unseen labels and text of a row): a store of a young object into this long-lived ring would mark
 * a card that the next young collection must scan. Rows wider than the stride keep an array of their own per slot.
 */
final class RowRing {
    /** Values a slot holds inline: wider rows get an array of their own. */
    static final int VALUE_STRIDE = 32;
    /** Model outputs a slot holds inline. */
    static final int OUTPUT_STRIDE = 8;
    private static final int META = 4;

    /** The consumer's view of one published slot, valid during {@link Consumer#accept} only. */
    static final class Row {
        LogLayout layout;
        String key;
        long number;
        long atMs;
        long latencyNanos;
        double[] values;
        int valuesAt;
        /** The row's unseen labels and texts by slot, or null when it has none. */
        String[] texts;
        double[] outputs;
        int outputsAt;
        int outputCount;
    }

    private final int mask;
    private final long[] meta;
    private final double[] values;
    private final double[][] wideValues;
    private final double[] outputs;
    private final double[][] wideOutputs;
    private final LogLayout[] layouts;
    private final String[] keys;
    private final String[][] texts;
    private final boolean[] hasTexts;
    /** The sequence each slot was last published with, plus one (0: never). */
    private final AtomicLongArray published;
    private final AtomicLong claimed = new AtomicLong();
    /** The next sequence the consumer reads; slots below it are free. */
    private volatile long consumed;
    private final Row row = new Row();

    /** A ring of at least {@code capacity} slots (rounded up to a power of two). */
    RowRing(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity) - 1) << 1;
        mask = size - 1;
        meta = new long[size * META];
        values = new double[size * VALUE_STRIDE];
        wideValues = new double[size][];
        outputs = new double[size * OUTPUT_STRIDE];
        wideOutputs = new double[size][];
        layouts = new LogLayout[size];
        keys = new String[size];
        texts = new String[size][];
        hasTexts = new boolean[size];
        published = new AtomicLongArray(size);
    }

    int capacity() {
        return mask + 1;
    }

    /** Claims the next slot: its sequence, or -1 when the ring is full. */
    long claim() {
        for (;;) {
            long next = claimed.get();
            if (next - consumed > mask) {
                return -1;
            }
            if (claimed.compareAndSet(next, next + 1)) {
                return next;
            }
        }
    }

    /** How many slots were ever claimed (each claimed slot is published once). */
    long claimedCount() {
        return claimed.get();
    }

    /**
     * Fills claimed slot {@code sequence}: the first {@code layout.width()} values of {@code row}, the non-null
     * entries of {@code text} at the layout's text slots, {@code outputCount} outputs.
     */
    void put(long sequence, LogLayout layout, long number, long atMs, long latencyNanos, double[] row, String[] text,
             double[] out, int outputCount, String key) {
        int slot = (int) (sequence & mask);
        int width = layout.width();
        copy(row, width, values, VALUE_STRIDE, wideValues, slot);
        copy(out, outputCount, outputs, OUTPUT_STRIDE, wideOutputs, slot);
        for (int s : layout.textSlots()) {
            if (text[s] != null) {
                String[] slotTexts = texts[slot];
                if (slotTexts == null || slotTexts.length < width) {
                    slotTexts = new String[width];
                    texts[slot] = slotTexts;
                }
                slotTexts[s] = text[s];
                hasTexts[slot] = true;
            }
        }
        if (layouts[slot] != layout) {
            layouts[slot] = layout;
        }
        if (keys[slot] != key) {
            keys[slot] = key;
        }
        int at = slot * META;
        meta[at] = number;
        meta[at + 1] = atMs;
        meta[at + 2] = latencyNanos;
        meta[at + 3] = ((long) width << 32) | outputCount;
    }

    /** Copies {@code n} values of {@code from} to {@code slot}'s stride of {@code flat}, or to its own array when wider. */
    private static void copy(double[] from, int n, double[] flat, int stride, double[][] wide, int slot) {
        if (n <= stride) {
            System.arraycopy(from, 0, flat, slot * stride, n);
            return;
        }
        if (wide[slot] == null || wide[slot].length < n) {
            wide[slot] = new double[n];
        }
        System.arraycopy(from, 0, wide[slot], 0, n);
    }

    /** Makes a filled slot visible to the consumer. */
    void publish(long sequence) {
        published.setRelease((int) (sequence & mask), sequence + 1);
    }

    /** What the consumer does with each published slot, in order; the slot is reused once it returns. */
    interface Consumer {
        void accept(Row row);
    }

    /** Hands the published slots from the consumer's position on to {@code consumer}, at most {@code max}; returns how many. */
    int drain(Consumer consumer, int max) {
        long at = consumed;
        int n = 0;
        Row view = row;
        while (n < max && published.getAcquire((int) (at & mask)) == at + 1) {
            int slot = (int) (at & mask);
            int m = slot * META;
            int width = (int) (meta[m + 3] >>> 32);
            int outputCount = (int) meta[m + 3];
            view.layout = layouts[slot];
            view.key = keys[slot];
            view.number = meta[m];
            view.atMs = meta[m + 1];
            view.latencyNanos = meta[m + 2];
            boolean wide = width > VALUE_STRIDE;
            view.values = wide ? wideValues[slot] : values;
            view.valuesAt = wide ? 0 : slot * VALUE_STRIDE;
            boolean wideOut = outputCount > OUTPUT_STRIDE;
            view.outputs = wideOut ? wideOutputs[slot] : outputs;
            view.outputsAt = wideOut ? 0 : slot * OUTPUT_STRIDE;
            view.outputCount = outputCount;
            view.texts = hasTexts[slot] ? texts[slot] : null;
            consumer.accept(view);
            if (hasTexts[slot]) {
                Arrays.fill(texts[slot], null);
                hasTexts[slot] = false;
            }
            at++;
            n++;
        }
        consumed = at;
        return n;
    }

    /** Rows claimed and not yet drained (published or being filled). */
    int pending() {
        return (int) (claimed.get() - consumed);
    }
}
