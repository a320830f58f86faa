package dev.kiln.bench;

import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Frame;
import dev.kiln.data.Schema;
import dev.kiln.data.source.ParquetFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The snapshot path of issue 3: one CSV file read into a frame, written to Parquet as a snapshot is (timed), then
 * read back {@code REPEATS} times with the frame's schema, as a snapshot is, and the CSV read again in the same
 * JVM for the ratio. Prints one JSON line.
 *
 * <p>Usage: {@code java -cp 'bench/target/kiln-bench.jar:bench/target/lib/*' dev.kiln.bench.ParquetBenchmark FILE.csv [REPEATS]}
 */
public final class ParquetBenchmark {
    private ParquetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Frame frame = CsvReader.read(csv, CsvOptions.defaults());
        Schema schema = frame.schema();
        Path parquet = Files.createTempFile("kiln-bench-", ".parquet");
        try {
            Measured write = new Measured(1);
            Frame written = frame;
            write.time(() -> {
                ParquetFiles.write(written, parquet);
                return null;
            });
            frame = null;
            ParquetFiles.read(parquet, schema); // warm-up
            Measured read = new Measured(repeats);
            Measured csvRead = new Measured(repeats);
            Frame back = null;
            for (int r = 0; r < repeats; r++) {
                back = null;
                back = read.time(() -> ParquetFiles.read(parquet, schema));
                back = null;
                back = csvRead.time(() -> CsvReader.read(csv, CsvOptions.defaults()));
            }
            System.out.println(String.format(Locale.ROOT,
                    "{\"bench\": \"kiln_parquet\", \"data\": \"%s\", \"rows\": %d, \"parquet_mb\": %.1f, \"write_s\": %.3f, "
                            + "\"parquet_read_s\": %.3f, \"parquet_read_cpu_s\": %.3f, \"csv_read_s\": %.3f, \"csv_read_cpu_s\": %.3f, "
                            + "\"csv_over_parquet\": %.2f}",
                    csv.getFileName(), back.rowCount(), Files.size(parquet) / 1e6, write.bestWall(), read.bestWall(),
                    read.bestCpu(), csvRead.bestWall(), csvRead.bestCpu(), csvRead.bestWall() / read.bestWall()));
        } finally {
            Files.deleteIfExists(parquet);
        }
    }
}
