package dev.kiln.data;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Reading on two cores: the calling thread tokenizes records into batches (the fields' characters
 * copied side by side, with their ends and each row's line), and a second thread hands them to
 * {@link CsvColumns}, which parses the numbers. Batches go through a bounded queue and are reused;
 * rows reach the columns in file order, so the result is the one a single thread gives. A malformed
 * record stops both threads with the tokenizer's error. One use per instance.
 */
final class RecordBatches implements CsvTokenizer.FieldSink {
    private static final int BATCH_ROWS = 4096;
    private static final int QUEUED = 4;
    private static final long WAIT_MILLIS = 100;
    private static final Batch END = new Batch(0);

    /** Rows of fields: field k of the batch is {@code chars[k == 0 ? 0 : ends[k - 1], ends[k])}. */
    private static final class Batch {
        char[] chars = new char[1 << 16];
        int[] ends;
        final long[] lines = new long[BATCH_ROWS];
        int length;
        int fields;
        int rows;

        Batch(int width) {
            ends = new int[BATCH_ROWS * Math.max(width, 1)];
        }
    }

    private final CsvColumns columns;
    private final int width;
    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(QUEUED + 1);
    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(QUEUED + 2);
    private Batch current;

    RecordBatches(CsvColumns columns, int width) {
        this.columns = columns;
        this.width = width;
        for (int i = 0; i < QUEUED + 1; i++) {
            free.add(new Batch(width));
        }
        current = new Batch(width);
    }

    /** Reads every record after the header from {@code tokenizer} into the columns; throws what the tokenizer throws. */
    void readAll(CsvTokenizer tokenizer, String source) throws IOException {
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kiln-csv-columns");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<?> consumer = executor.submit(() -> {
                consume();
                return null;
            });
            produce(tokenizer, source, consumer);
            consumer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + source);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading " + source + " failed in the column thread", e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }

    private void produce(CsvTokenizer tokenizer, String source, Future<?> consumer)
            throws IOException, InterruptedException, ExecutionException {
        for (int count = tokenizer.next(this); count >= 0; count = tokenizer.next(this)) {
            if (count != width) {
                throw new InvalidDataException(source + ":" + tokenizer.recordLine() + ": expected " + width
                        + " fields, found " + count);
            }
            current.lines[current.rows++] = tokenizer.recordLine();
            if (current.rows == BATCH_ROWS) {
                hand(current, consumer);
                current = next(consumer);
            }
        }
        hand(current, consumer);
        hand(END, consumer);
    }

    /** Queues {@code batch} for the column thread, unless that thread has failed. */
    private void hand(Batch batch, Future<?> consumer) throws InterruptedException, ExecutionException {
        while (!full.offer(batch, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            checkAlive(consumer);
        }
    }

    /** A batch the column thread is done with, unless that thread has failed. */
    private Batch next(Future<?> consumer) throws InterruptedException, ExecutionException {
        Batch batch;
        while ((batch = free.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS)) == null) {
            checkAlive(consumer);
        }
        return batch;
    }

    private static void checkAlive(Future<?> consumer) throws InterruptedException, ExecutionException {
        if (consumer.isDone()) {
            consumer.get(); // throws the column thread's failure
            throw new IllegalStateException("the column thread stopped before the end of the data");
        }
    }

    @Override
    public void field(int index, char[] chars, int start, int end) {
        Batch b = current;
        if (index >= width) {
            return; // a ragged row, reported by produce
        }
        int length = end - start;
        if (b.length + length > b.chars.length) {
            b.chars = Arrays.copyOf(b.chars, Math.max(b.chars.length * 2, b.length + length));
        }
        System.arraycopy(chars, start, b.chars, b.length, length);
        b.length += length;
        b.ends[b.fields++] = b.length;
    }

    private void consume() throws InterruptedException {
        for (Batch b = full.take(); b != END; b = full.take()) {
            int k = 0;
            int start = 0;
            for (int row = 0; row < b.rows; row++) {
                for (int j = 0; j < width; j++, k++) {
                    columns.field(j, b.chars, start, b.ends[k]);
                    start = b.ends[k];
                }
                columns.endRow(b.lines[row]);
            }
            b.length = 0;
            b.fields = 0;
            b.rows = 0;
            free.put(b);
        }
    }
}
