package dev.kiln.bench;

import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Frame;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times {@link CsvReader#read} on one file: the page cache is warmed first (as {@code read_peers.py}
 * does for pandas), then {@code REPEATS} reads (default 3) after one untimed warm-up read; prints one
 * JSON line with the best and median seconds, rows/s and MB/s of the best read, and the JVM's peak heap
 * use after a read.
 *
 * <p>Usage: {@code java -cp 'bench/target/kiln-bench.jar:bench/target/lib/*' dev.kiln.bench.CsvReadBenchmark FILE.csv [REPEATS]}
 */
public final class CsvReadBenchmark {
    private CsvReadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: CsvReadBenchmark FILE.csv [REPEATS]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        warmPageCache(file);
        Frame frame = CsvReader.read(file, CsvOptions.defaults()); // warm-up: JIT and heap sizing
        double[] seconds = new double[repeats];
        long heapAfterRead = 0;
        for (int r = 0; r < repeats; r++) {
            frame = null;
            System.gc();
            long t0 = System.nanoTime();
            frame = CsvReader.read(file, CsvOptions.defaults());
            seconds[r] = (System.nanoTime() - t0) / 1e9;
            Runtime runtime = Runtime.getRuntime();
            heapAfterRead = Math.max(heapAfterRead, runtime.totalMemory() - runtime.freeMemory());
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double best = sorted[0];
        double megabytes = Files.size(file) / 1e6;
        System.out.println(String.format(Locale.ROOT,
                "{\"bench\": \"kiln_csv_read\", \"data\": \"%s\", \"size_mb\": %.1f, \"rows\": %d, \"cols\": %d, "
                        + "\"read_s\": %.3f, \"median_s\": %.3f, \"rows_per_s\": %.0f, \"mb_per_s\": %.1f, "
                        + "\"heap_after_read_mb\": %.0f, \"threads\": %d}",
                file.getFileName(), megabytes, frame.rowCount(), frame.columnCount(), best, sorted[repeats / 2],
                frame.rowCount() / best, megabytes / best, heapAfterRead / 1e6, Runtime.getRuntime().availableProcessors()));
    }

    private static void warmPageCache(Path file) throws IOException {
        byte[] buffer = new byte[1 << 24];
        try (InputStream in = Files.newInputStream(file)) {
            while (in.read(buffer) > 0) {
                continue;
            }
        }
    }
}
