package dev.kiln.cli;

import dev.kiln.data.ColumnKind;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.CsvWriter;
import dev.kiln.data.Field;
import dev.kiln.data.Frame;
import dev.kiln.data.source.FrameConcat;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
                "CSV input is read in blocks on every core while earlier blocks are scored; a progress line shows on a terminal."})
final class PredictCommand extends KilnCommand {
    @Mixin
    ModelOptions model;

    @Mixin
    DataOptions data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the predictions (.csv or .parquet).")
    Path outFile;

    @Option(names = "--chunk-rows", paramLabel = "N", description = "At most this many rows scored at a time (default: ${DEFAULT-VALUE}).")
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
        long rows;
        if (isParquet(data.data)) {
            Frame predictions = pipeline.predict(ParquetFiles.read(data.data, null)).toFrame();
            write(List.of(predictions));
            rows = predictions.rowCount();
        } else if (isParquet(outFile)) {
            try (ParquetStreamWriter writer = new ParquetStreamWriter(outFile)) {
                Frame[] last = {null};
                rows = scoreCsv(pipeline, progress, predictions -> {
                    writer.write(predictions);
                    last[0] = predictions;
                });
                writer.finish(last[0]);
            }
        } else {
            rows = streamCsv(pipeline, progress);
        }
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

    /** CSV to CSV, chunk by chunk, into a temporary file that replaces {@code --out} at the end. */
    private long streamCsv(Pipeline pipeline, Progress progress) throws IOException {
        Path parent = outFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, ".kiln-", ".csv.tmp");
        try {
            long rows;
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8), 1 << 16)) {
                boolean[] header = {true};
                rows = scoreCsv(pipeline, progress, predictions -> {
                    if (header[0]) {
                        CsvWriter.writeHeader(predictions, out);
                        header[0] = false;
                    }
                    CsvWriter.writeRowsParallel(predictions, out);
                });
            }
            Files.move(temp, outFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return rows;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Receives the predictions of each chunk, in file order. */
    @FunctionalInterface
    private interface PredictionSink {
        void accept(Frame predictions) throws IOException;
    }

    /**
     * Scores the CSV input chunk by chunk, in order: the next blocks of the file are parsed on the other cores while
     * this one is scored and written. A file with no rows gives one empty chunk, so the output still has its header.
     */
    private long scoreCsv(Pipeline pipeline, Progress progress, PredictionSink sink) throws IOException {
        boolean[] any = {false};
        CsvOptions options = options(pipeline);
        long rows = CsvReader.streamBlocks(data.data, options, (block, bytes) -> {
            any[0] = true;
            int n = block.rowCount();
            for (int from = 0; from < n; from += chunkRows) {
                Frame chunk = n <= chunkRows ? block : block.take(IntStream.range(from, Math.min(n, from + chunkRows)).toArray());
                sink.accept(pipeline.predict(chunk).toFrame());
                progress.update(chunk.rowCount(), bytes);
            }
        });
        if (!any[0]) {
            sink.accept(pipeline.predict(CsvReader.read(data.data, options)).toFrame());
        }
        return rows;
    }

    private void write(List<Frame> chunks) throws IOException {
        Frame all = FrameConcat.concat(chunks, Collections.nCopies(chunks.size(), outFile.toString()));
        if (isParquet(outFile)) {
            ParquetFiles.write(all, outFile);
        } else {
            CsvWriter.write(all, outFile);
        }
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
