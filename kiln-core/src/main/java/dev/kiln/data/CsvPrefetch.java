package dev.kiln.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * {@link CsvReader#stream} with the reading done one chunk ahead on a background thread, so that
 * parsing the next chunk overlaps with whatever the sink does with this one (scoring, writing). The
 * sink still runs on the caller's thread and sees the chunks in file order; at most three chunks are
 * in memory (being read, waiting, being consumed). Errors of the reader reach the caller unchanged.
 */
public final class CsvPrefetch {
    private static final Object END = new Object();

    private CsvPrefetch() {
    }

    private record Chunk(Frame frame, long bytesRead) {
    }

    private record Failure(Throwable error) {
    }

    /** As {@link CsvReader#stream}: returns the number of rows. */
    public static long stream(Path path, CsvOptions options, int chunkRows, CsvReader.ChunkSink sink) throws IOException {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1);
        long[] rows = new long[1];
        Thread reader = new Thread(() -> {
            try {
                rows[0] = CsvReader.stream(path, options, chunkRows, (frame, bytes) -> put(queue, new Chunk(frame, bytes)));
                put(queue, END);
            } catch (Stopped e) {
                // the consumer stopped: nothing to report
            } catch (Throwable e) {
                try {
                    put(queue, new Failure(e));
                } catch (Stopped stopped) {
                    // the consumer stopped
                }
            }
        }, "kiln-csv-prefetch");
        reader.setDaemon(true);
        reader.start();
        boolean done = false;
        try {
            while (true) {
                Object item = take(queue);
                if (item == END) {
                    done = true;
                    reader.join();
                    return rows[0];
                }
                if (item instanceof Failure failure) {
                    done = true;
                    throw rethrow(failure.error());
                }
                Chunk chunk = (Chunk) item;
                sink.accept(chunk.frame(), chunk.bytesRead());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading " + path);
        } finally {
            if (!done) {
                reader.interrupt();
                queue.clear();
                try {
                    reader.join(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static void put(BlockingQueue<Object> queue, Object item) throws Stopped {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            throw new Stopped("stopped");
        }
    }

    private static Object take(BlockingQueue<Object> queue) throws InterruptedException {
        return queue.take();
    }

    private static IOException rethrow(Throwable error) {
        if (error instanceof IOException io) {
            return io;
        }
        if (error instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (error instanceof Error fatal) {
            throw fatal;
        }
        return new IOException(error);
    }

    /** The reader's signal that the consumer has gone. */
    private static final class Stopped extends java.io.InterruptedIOException {
        private static final long serialVersionUID = 1L;

        Stopped(String message) {
            super(message);
        }
    }

}
