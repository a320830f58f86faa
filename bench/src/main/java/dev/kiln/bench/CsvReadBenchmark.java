package dev.kiln.bench;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TimestampColumn;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Times {@link CsvReader#read} on one file: the page cache is warmed first (as {@code read_peers.py} does for
 * pandas), then {@code REPEATS} reads (default 3) after one untimed warm-up read; prints one JSON line with the
 * best and median seconds, rows/s and MB/s of the best read, the process CPU seconds of that read, the size of the
 * frame's own arrays and the heap peak during a read. Run it with {@code -Xmx} at twice the arrays' size to show
 * that a read fits there (bench/run.sh does).
 *
 * <p>Usage: {@code java -cp 'bench/target/kiln-bench.jar:bench/target/lib/*' dev.kiln.bench.CsvReadBenchmark FILE.csv [REPEATS]}
 */
public final class CsvReadBenchmark {
    private CsvReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: CsvReadBenchmark FILE.csv [REPEATS]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        warmPageCache(file);
        Frame frame = CsvReader.read(file, CsvOptions.defaults()); // warm-up: JIT and heap sizing
        long arrays = arrayBytes(frame);
        Measured measured = new Measured(repeats);
        long peak = 0;
        for (int r = 0; r < repeats; r++) {
            frame = null;
            System.gc();
            Measured.resetHeapPeak();
            frame = measured.time(() -> CsvReader.read(file, CsvOptions.defaults()));
            peak = Math.max(peak, Measured.heapPeak());
        }
        double best = measured.bestWall();
        double megabytes = Files.size(file) / 1e6;
        System.out.println(String.format(Locale.ROOT,
                "{\"bench\": \"kiln_csv_read\", \"data\": \"%s\", \"size_mb\": %.1f, \"rows\": %d, \"cols\": %d, "
                        + "\"read_s\": %.3f, \"median_s\": %.3f, \"cpu_s\": %.3f, \"rows_per_s\": %.0f, \"mb_per_s\": %.1f, "
                        + "\"frame_arrays_mb\": %.1f, \"heap_peak_mb\": %.1f, \"max_heap_mb\": %.0f, \"threads\": %d}",
                file.getFileName(), megabytes, frame.rowCount(), frame.columnCount(), best, measured.medianWall(),
                measured.bestCpu(), frame.rowCount() / best, megabytes / best, arrays / 1e6, peak / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6, Runtime.getRuntime().availableProcessors()));
    }

    /** The bytes of the frame's own primitive arrays: 8 per number or instant, 4 per code (text not counted). */
    static long arrayBytes(Frame frame) {
        long bytes = 0;
        for (Column c : frame.columns()) {
            bytes += (long) c.size() * (c instanceof NumericColumn || c instanceof TimestampColumn ? 8
                    : c instanceof CategoricalColumn ? 4 : 8);
        }
        return bytes;
    }

    private static void warmPageCache(Path file) throws Exception {
        byte[] buffer = new byte[1 << 24];
        try (InputStream in = Files.newInputStream(file)) {
            while (in.read(buffer) > 0) {
                continue;
            }
        }
    }
}
