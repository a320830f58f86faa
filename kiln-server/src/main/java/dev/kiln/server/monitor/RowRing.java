package dev.kiln.server.monitor;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A bounded ring of logged rows between the request threads (many producers) and the log's writer (one consumer),
 * preallocated per slot and reused: a producer claims a slot with one compare-and-set, copies the row's values into
 * the slot's arrays (allocating only when a slot first sees a wider row) and publishes it with one ordered store;
 * when the ring is full the claim fails at once (the caller drops and counts the row — nothing ever waits). The
 * consumer reads published slots in order and releases them. Thread-safe as described.
 */
final class RowRing {
    /** One slot: a row as the compiled one-record path parsed it, and what the log needs beside it. */
    static final class Entry {
        LogLayout layout;
        String key;
        String keyField;
        long number;
        long atMs;
        long latencyNanos;
        double[] values = new double[0];
        String[] texts = new String[0];
        double[] outputs = new double[0];
    }

    private final Entry[] entries;
    private final int mask;
    /** The sequence each slot was last published with, plus one (0: never). */
    private final AtomicLongArray published;
    private final AtomicLong claimed = new AtomicLong();
    /** The next sequence the consumer reads; slots below it are free. */
    private volatile long consumed;

    /** A ring of at least {@code capacity} slots (rounded up to a power of two). */
    RowRing(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity) - 1) << 1;
        entries = new Entry[size];
        for (int i = 0; i < size; i++) {
            entries[i] = new Entry();
        }
        mask = size - 1;
        published = new AtomicLongArray(size);
    }

    int capacity() {
        return entries.length;
    }

    /** Claims the next slot: its sequence, or -1 when the ring is full. */
    long claim() {
        for (;;) {
            long next = claimed.get();
            if (next - consumed >= entries.length) {
                return -1;
            }
            if (claimed.compareAndSet(next, next + 1)) {
                return next;
            }
        }
    }

    /** The slot of a claimed sequence, to fill. */
    Entry entry(long sequence) {
        return entries[(int) (sequence & mask)];
    }

    /** Makes a filled slot visible to the consumer. */
    void publish(long sequence) {
        published.setRelease((int) (sequence & mask), sequence + 1);
    }

    /** What the consumer does with each published slot, in order; the slot is reused once it returns. */
    interface Consumer {
        void accept(Entry entry);
    }

    /** Hands the published slots from the consumer's position on to {@code consumer}, at most {@code max}; returns how many. */
    int drain(Consumer consumer, int max) {
        long at = consumed;
        int n = 0;
        while (n < max && published.getAcquire((int) (at & mask)) == at + 1) {
            consumer.accept(entries[(int) (at & mask)]);
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
