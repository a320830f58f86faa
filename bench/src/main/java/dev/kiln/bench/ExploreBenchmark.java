package dev.kiln.bench;

import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Frame;
import dev.kiln.explore.Exploration;
import dev.kiln.explore.Explorer;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Times {@link Explorer#explore} (what {@code kiln explore} computes) on a frame already read, as
 * {@code scripts/explore_peer.py} times pandas' {@code describe(include="all")} plus {@code corr()} after
 * {@code read_csv}: one untimed warm-up, then {@code REPEATS} runs (default 3); prints one JSON line with the best
 * and median wall seconds and the CPU seconds of the best run.
 *
 * <p>Usage: {@code java -cp 'bench/target/kiln-bench.jar:bench/target/lib/*' dev.kiln.bench.ExploreBenchmark FILE.csv [REPEATS] [TARGET]}
 */
public final class ExploreBenchmark {
    private ExploreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String target = args.length > 2 ? args[2] : null;
        long t0 = System.nanoTime();
        Frame frame = CsvReader.read(file, CsvOptions.defaults());
        double readSeconds = (System.nanoTime() - t0) / 1e9;
        Explorer.explore(frame, target, null);
        Measured measured = new Measured(repeats);
        Exploration exploration = null;
        for (int r = 0; r < repeats; r++) {
            exploration = measured.time(() -> Explorer.explore(frame, target, null));
        }
        System.out.println(String.format(Locale.ROOT,
                "{\"bench\": \"kiln_explore\", \"data\": \"%s\", \"rows\": %d, \"cols\": %d, \"target\": %s, \"read_s\": %.3f, "
                        + "\"profile_s\": %.3f, \"median_s\": %.3f, \"profile_cpu_s\": %.3f, \"warnings\": %d, \"threads\": %d}",
                file.getFileName(), frame.rowCount(), frame.columnCount(), target == null ? "null" : "\"" + target + "\"",
                readSeconds, measured.bestWall(), measured.medianWall(), measured.bestCpu(), exploration.warnings().size(),
                Runtime.getRuntime().availableProcessors()));
    }
}
