package dev.kiln.cli;

import dev.kiln.data.ColumnKind;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.CsvWriter;
import dev.kiln.data.Field;
import dev.kiln.data.Frame;
import dev.kiln.data.source.ParquetFiles;
import dev.kiln.data.source.ParquetStreamWriter;
import dev.kiln.learn.Pipeline;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kiln predict MODEL --data in.csv --out out.csv}: batch scoring with a bundle. CSV input is read
 * in chunks, so files of any size score in bounded memory; Parquet (by extension) in and out goes
 * through DuckDB. The output is written atomically: a temporary file renamed into place.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Score a CSV or Parquet file with a model: the prediction, plus one probability column per class for classifiers.",
                "Input is read in chunks on every core (CSV blocks, Parquet row groups) and output written as they are scored; a progress line shows on a terminal."})
final class PredictCommand extends KilnCommand {
    @Mixin
    ModelOptions model;

    @Mixin
    DataOptions data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the predictions (.csv or .parquet).")
    Path outFile;

    /** The rows of Parquet input read at a time, at least: enough row groups for every core to read some. */
    private static final int PARQUET_BATCH_ROWS = 1 << 18;

    @Option(names = "--chunk-rows", paramLabel = "N", description = "At most this many rows a chunk; chunks are scored on every core at once (default: ${DEFAULT-VALUE}).")
    int chunkRows = 65_536;

    @Override
    int execute() throws Exception {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("--chunk-rows must be positive: " + chunkRows);
        }
        long t0 = System.nanoTime();
        ModelOptions.Loaded loaded = model.load();
        Pipeline pipeline = loaded.bundle().pipeline();
        Progress progress = new Progress(common.json ? null : System.console() == null ? null : err(), Files.size(data.data));
        // Parquet is read a few row groups at a time (every core shares out a batch's groups), then scored in chunks
        Input input = isParquet(data.data) ? sink -> ParquetFiles.stream(data.data, Math.max(chunkRows, PARQUET_BATCH_ROWS), sink)
                : sink -> CsvReader.streamBlocks(data.data, options(pipeline), sink);
        long rows = isParquet(outFile) ? toParquet(pipeline, progress, input) : toCsv(pipeline, progress, input);
        progress.done();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (common.json) {
            out().println(RunCommand.JSON.createObjectNode().put("model", loaded.name()).put("rows", rows)
                    .put("out", outFile.toString()).put("seconds", seconds).put("rows_per_s", rows / seconds).toPrettyString());
        } else {
            out().printf("%s: wrote %d predictions to %s (%.2f s)%n", loaded.name(), rows, outFile, seconds);
        }
        return 0;
    }

    /** The input as frames in file order: {@code sink} sees each, with how far into the file it reaches. */
    @FunctionalInterface
    private interface Input {
        long read(CsvReader.ChunkSink sink) throws IOException;
    }

    /** Predictions as CSV, chunk by chunk, into a temporary file that replaces {@code --out} at the end. */
    private long toCsv(Pipeline pipeline, Progress progress, Input input) throws IOException {
        Path parent = outFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, ".kiln-", ".csv.tmp");
        try {
            long rows;
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8), 1 << 16)) {
                boolean[] header = {true};
                // the text is formatted on the worker that scored the chunk; only the writing is in order
                rows = score(pipeline, progress, input, predictions -> new FormattedChunk(predictions, CsvWriter.rowsText(predictions)),
                        chunk -> {
                            if (header[0]) {
                                CsvWriter.writeHeader(chunk.predictions(), out);
                                header[0] = false;
                            }
                            out.write(chunk.text());
                        });
            }
            Files.move(temp, outFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return rows;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A chunk's predictions and their rows as CSV text. */
    private record FormattedChunk(Frame predictions, String text) {
    }

    /** Predictions as Parquet, written by DuckDB on its own thread as the chunks are scored. */
    private long toParquet(Pipeline pipeline, Progress progress, Input input) throws IOException {
        try (ParquetStreamWriter writer = new ParquetStreamWriter(outFile)) {
            Frame[] last = {null};
            long rows = score(pipeline, progress, input, predictions -> predictions, predictions -> {
                writer.write(predictions);
                last[0] = predictions;
            });
            writer.finish(last[0]);
            return rows;
        }
    }

    /** Receives each chunk's finished predictions, in file order. */
    @FunctionalInterface
    private interface ChunkSink<T> {
        void accept(T chunk) throws IOException;
    }

    /** A chunk being scored on a worker: its result, and its rows and how far into the file it reaches. */
    private record Scoring<T>(Future<T> result, int rows, long bytes) {
    }

    /**
     * Scores the input chunk by chunk, at most {@code --chunk-rows} rows a chunk: each chunk is predicted, and
     * {@code finish} applied to its predictions, on a worker of a pool sized to the cores, while the input is read
     * and parsed on; {@code sink} receives the results in file order. At most a few chunks wait at a time. An input
     * with no rows gives one empty chunk, so the output still has its columns.
     */
    private <T> long score(Pipeline pipeline, Progress progress, Input input, Function<Frame, T> finish, ChunkSink<T> sink)
            throws IOException {
        int threads = Runtime.getRuntime().availableProcessors();
        ForkJoinPool pool = new ForkJoinPool(threads);
        Deque<Scoring<T>> pending = new ArrayDeque<>();
        try {
            boolean[] any = {false};
            long rows = input.read((block, bytes) -> {
                int n = block.rowCount();
                if (n == 0) { // an empty input gives its columns once
                    if (!any[0]) {
                        any[0] = true;
                        sink.accept(finish.apply(pipeline.predict(block).toFrame()));
                    }
                    return;
                }
                any[0] = true;
                for (int from = 0; from < n; from += chunkRows) {
                    Frame chunk = n <= chunkRows ? block : block.take(IntStream.range(from, Math.min(n, from + chunkRows)).toArray());
                    pending.add(new Scoring<>(pool.submit(() -> finish.apply(pipeline.predict(chunk).toFrame())), chunk.rowCount(), bytes));
                    while (!pending.isEmpty() && (pending.size() > threads || pending.peekFirst().result().isDone())) {
                        handOn(pending.removeFirst(), progress, sink);
                    }
                }
            });
            while (!pending.isEmpty()) {
                handOn(pending.removeFirst(), progress, sink);
            }
            if (!any[0]) {
                sink.accept(finish.apply(pipeline.predict(emptyInput(pipeline)).toFrame()));
            }
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits for a chunk's result and gives it to {@code sink}; a failure while scoring is thrown as it was. */
    private static <T> void handOn(Scoring<T> scoring, Progress progress, ChunkSink<T> sink) throws IOException {
        T result;
        try {
            result = scoring.result().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while scoring", e);
        }
        sink.accept(result);
        progress.update(scoring.rows(), scoring.bytes());
    }

    /** A frame of no rows with the model's input columns, for an input without rows. */
    private Frame emptyInput(Pipeline pipeline) throws IOException {
        return isParquet(data.data) ? ParquetFiles.read(data.data, null) : CsvReader.read(data.data, options(pipeline));
    }

    /** The read options: the model's columns forced to their training kinds, so errors name the file and line. */
    private CsvOptions options(Pipeline pipeline) {
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        for (Field field : pipeline.inputSchema().fields()) {
            kinds.put(field.name(), field.kind());
        }
        return CsvOptions.defaults().withMissing(data.missing).withKinds(kinds);
    }

    private static boolean isParquet(Path path) {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    /** A one-line progress display on a terminal: rows scored, share of the file read, rows per second. */
    private static final class Progress {
        private final PrintWriter out;
        private final long totalBytes;
        private final long start = System.nanoTime();
        private long rows;

        Progress(PrintWriter out, long totalBytes) {
            this.out = out;
            this.totalBytes = Math.max(1, totalBytes);
        }

        void update(int chunkRows, long bytesRead) {
            rows += chunkRows;
            if (out != null) {
                double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
                out.printf("\rscoring: %,d rows, %3.0f%% of the file, %,.0f rows/s", rows, 100.0 * Math.min(bytesRead, totalBytes) / totalBytes,
                        rows / seconds);
                out.flush();
            }
        }

        void done() {
            if (out != null) {
                out.println();
            }
        }
    }
}
