import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Frame;
import dev.kiln.learn.Task;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.cluster.KMeansLearner;
import dev.kiln.learn.cluster.KMeansModel;
import dev.kiln.learn.cluster.KMeansParams;
import dev.kiln.learn.neural.MlpLearner;
import dev.kiln.learn.neural.MlpModel;
import dev.kiln.learn.neural.MlpParams;
import dev.kiln.prep.Imputer;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Times Kiln's mlp and kmeans fits on a file already in memory (the peers' scripts time fit alone too),
 * printing one JSON line per repeat with wall and process CPU seconds. Issue 6, see bench/README.md.
 *   mlp    TRAIN.csv HIDDEN BATCH EPOCHS THREADS REPEATS   numeric columns f*, median-imputed; target label
 *   kmeans DATA.csv K MAX_ITER THREADS REPEATS            every column
 */
public class MlpKmeansBench {
    public static void main(String[] args) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Frame raw = CsvReader.read(Path.of(args[1]), CsvOptions.defaults());
        if (args[0].equals("mlp")) {
            Frame frame = raw.drop(raw.names().stream().filter(n -> !n.startsWith("f") && !n.equals("label")).toList());
            Frame features = new Imputer(Imputer.NumericStrategy.MEDIAN, 0, null, false).fit(frame.drop(List.of("label"))).apply(frame.drop(List.of("label")));
            frame = features.with(dev.kiln.learn.Targets.classification(raw.column("label"), dev.kiln.learn.Targets.classes(raw.column("label"))));
            int epochs = Integer.parseInt(args[4]);
            var params = MlpParams.fromMap(Map.of("hidden", args[2], "batch_size", args[3], "max_iter", args[4],
                    "early_stopping", "false", "patience", "1000000", "tolerance", "0"));
            for (int r = 0; r < Integer.parseInt(args[6]); r++) {
                long cpu = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                MlpModel model = new MlpLearner(params).fit(frame, new TrainOptions("label", Task.BINARY, r, Integer.parseInt(args[5])));
                double wall = (System.nanoTime() - t0) / 1e9;
                double cpuS = (os.getProcessCpuTime() - cpu) / 1e9;
                System.out.printf("{\"system\": \"kiln\", \"job\": \"mlp\", \"fit_s\": %.4f, \"cpu_s\": %.4f, \"epochs\": %d, \"s_per_epoch\": %.4f, \"cpu_per_epoch\": %.4f, \"rows\": %d}%n",
                        wall, cpuS, model.epochs(), wall / model.epochs(), cpuS / model.epochs(), frame.rowCount());
            }
        } else {
            var params = KMeansParams.fromMap(Map.of("k", args[2], "n_init", "1", "max_iter", args[3]));
            for (int r = 0; r < Integer.parseInt(args[5]); r++) {
                long cpu = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                KMeansModel model = new KMeansLearner(params).fit(raw, TrainOptions.unsupervised(Task.CLUSTERING, r, Integer.parseInt(args[4])));
                double wall = (System.nanoTime() - t0) / 1e9;
                double cpuS = (os.getProcessCpuTime() - cpu) / 1e9;
                System.out.printf("{\"system\": \"kiln\", \"job\": \"kmeans\", \"fit_s\": %.4f, \"cpu_s\": %.4f, \"iterations\": %d, \"inertia\": %.6e, \"rows\": %d}%n",
                        wall, cpuS, model.iterations(), model.inertia(), raw.rowCount());
            }
        }
    }
}
