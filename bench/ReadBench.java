import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TimestampColumn;
import dev.kiln.data.source.CsvSource;
import dev.kiln.data.source.ParquetFiles;
import dev.kiln.data.source.ParquetSource;
import dev.kiln.data.source.SourceContext;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reading benchmark for issue 3: CSV into a frame (rows/s, peak heap against the frame's own arrays), then the
 * same frame written to Parquet and read back. Usage (after mvn install):
 * java -cp "kiln-cli/target/kiln-cli.jar:kiln-cli/target/lib/*" bench/ReadBench.java /tmp/peers/synth_1m.csv [repeats]
 * Prints one JSON line per measurement; compare with python3 ../shared/bench/peers/read_peers.py on the same file.
 */
public final class ReadBench {
    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]).toAbsolutePath();
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        SourceContext context = SourceContext.of(csv.getParent());
        Frame frame = null;
        for (int r = 0; r < repeats; r++) {
            System.gc();
            resetPeaks();
            long heapBefore = usedHeap();
            long t0 = System.nanoTime();
            frame = CsvSource.of(csv.getFileName().toString()).read(context);
            double s = (System.nanoTime() - t0) / 1e9;
            long peak = peakHeap() - heapBefore;
            print("csv", csv, frame, s, peak);
        }
        Path parquet = Files.createTempFile("kiln-bench-", ".parquet");
        long t0 = System.nanoTime();
        ParquetFiles.write(frame, parquet);
        System.out.printf(Locale.ROOT, "{\"bench\": \"parquet_write\", \"write_s\": %.3f, \"size_mb\": %.1f}%n",
                (System.nanoTime() - t0) / 1e9, Files.size(parquet) / 1e6);
        for (int r = 0; r < repeats; r++) {
            System.gc();
            resetPeaks();
            long heapBefore = usedHeap();
            long t1 = System.nanoTime();
            Frame back = new ParquetSource(parquet.toString()).read(context);
            double s = (System.nanoTime() - t1) / 1e9;
            print("parquet", parquet, back, s, peakHeap() - heapBefore);
        }
        Files.delete(parquet);
    }

    private static void print(String bench, Path file, Frame frame, double seconds, long peakBytes) {
        long arrays = arrayBytes(frame);
        System.out.printf(Locale.ROOT, "{\"bench\": \"%s\", \"data\": \"%s\", \"rows\": %d, \"cols\": %d, \"read_s\": %.3f, "
                        + "\"rows_per_s\": %.0f, \"frame_arrays_mb\": %.1f, \"peak_heap_mb\": %.1f, \"peak_over_arrays\": %.2f, \"cpus\": %d}%n",
                bench, file.getFileName(), frame.rowCount(), frame.columnCount(), seconds, frame.rowCount() / seconds,
                arrays / 1e6, peakBytes / 1e6, (double) peakBytes / arrays, Runtime.getRuntime().availableProcessors());
    }

    /** The bytes of the frame's own primitive arrays (8 per number or instant, 4 per code; text not counted). */
    private static long arrayBytes(Frame frame) {
        long bytes = 0;
        for (Column c : frame.columns()) {
            bytes += (long) c.size() * (c instanceof NumericColumn || c instanceof TimestampColumn ? 8 : c instanceof CategoricalColumn ? 4 : 8);
        }
        return bytes;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
