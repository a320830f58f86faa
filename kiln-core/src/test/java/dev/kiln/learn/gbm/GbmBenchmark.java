package dev.kiln.learn.gbm;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.eval.Metric;
import dev.kiln.eval.Metrics;
import dev.kiln.learn.Model;
import dev.kiln.learn.Predictions;
import dev.kiln.learn.Targets;
import dev.kiln.learn.Task;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.catalog.Learners;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * End-to-end benchmark of a learner on the peers' synthetic files (not a test: surefire runs only
 * {@code *Test}). Reads TRAIN and TEST CSVs, turns string columns into integer codes (numbered from
 * the training file's levels) and a 0/1 {@code label} into the class target, trains, and prints fit
 * seconds, test ROC-AUC (or RMSE with {@code --target target}), batch prediction rows/s and one-row
 * latency. Usage:
 * {@code GbmBenchmark TRAIN.csv TEST.csv [--learner gbm] [--target label] [--threads 2] [key=value ...]}.
 */
public final class GbmBenchmark {
    private GbmBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path trainPath = Path.of(args[0]);
        Path testPath = Path.of(args[1]);
        String learnerName = "gbm";
        String target = "label";
        int threads = 2;
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--learner" -> learnerName = args[++i];
                case "--target" -> target = args[++i];
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> params.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
            }
        }
        long t0 = System.nanoTime();
        Task task = target.equals("label") ? Task.BINARY : Task.REGRESSION;
        Frame train;
        Frame test;
        Path cache = Path.of(trainPath + ".kiln-bench.bin");
        if (Files.exists(cache)) {
            Frame[] both = readCache(cache, target, task);
            train = both[0];
            test = both[1];
        } else {
            Frame rawTrain = CsvReader.read(trainPath, CsvOptions.defaults());
            Frame rawTest = CsvReader.read(testPath, CsvOptions.defaults());
            train = prepare(rawTrain, rawTrain, target, task);
            test = prepare(rawTest, rawTrain, target, task);
            writeCache(cache, train, test);
        }
        double readSeconds = seconds(t0);
        System.gc();
        var learner = Learners.create(learnerName, params);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        t0 = System.nanoTime();
        Model model = learner.fit(train, new TrainOptions(target, task, 7, threads));
        double fitSeconds = seconds(t0);
        double fitCpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
        t0 = System.nanoTime();
        Predictions predictions = model.predict(test);
        double firstPredictSeconds = seconds(t0);
        double predictSeconds = firstPredictSeconds;
        for (int repeat = 0; repeat < 4; repeat++) {
            t0 = System.nanoTime();
            model.predict(test);
            predictSeconds = Math.min(predictSeconds, seconds(t0));
        }
        String metric;
        if (task == Task.BINARY) {
            metric = "roc_auc=" + Metrics.compute(Metric.ROC_AUC, predictions, test.categorical(target).toCodes());
        } else {
            metric = "rmse=" + Metrics.compute(Metric.RMSE, predictions, test.numeric(target).toArray());
        }
        double microsPerRow = oneRowMicros(model, test);
        long rss = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.printf("learner=%s params=%s threads=%d read_s=%.2f fit_s=%.2f fit_cpu_s=%.2f %s predict_rows_per_s_first=%.0f predict_rows_per_s_best=%.0f one_row_us=%.2f heap_used_mb=%d%n",
                learnerName, params, threads, readSeconds, fitSeconds, fitCpuSeconds, metric, test.rowCount() / firstPredictSeconds, test.rowCount() / predictSeconds, microsPerRow,
                rss >> 20);
    }

    private static double oneRowMicros(Model model, Frame test) {
        var matrix = dev.kiln.learn.FeatureMatrix.of(test, model.features());
        double[] x = new double[matrix.columnCount()];
        double[] out = new double[Math.max(1, model.classes().size())];
        double sink = 0;
        int n = Math.min(matrix.rows(), 50_000);
        for (int i = 0; i < 4 * n; i++) {
            matrix.row(i % n, x);
            model.predictRow(x, out);
            sink += out[0];
        }
        for (int i = 0; i < n; i++) {
            matrix.row(i, x);
            model.predictRow(x, out);
            sink += out[0];
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            matrix.row(i, x);
            model.predictRow(x, out);
            sink += out[0];
        }
        double micros = (System.nanoTime() - t0) / 1e3 / n;
        if (sink == 42) {
            System.out.println();
        }
        return micros;
    }

    /** Features as numbers (string columns as codes of {@code reference}'s levels) and the target for {@code task}. */
    static Frame prepare(Frame frame, Frame reference, String target, Task task) {
        List<Column> columns = new ArrayList<>();
        for (Column column : frame.columns()) {
            if (column.name().equals(target)) {
                Column reft = reference.column(target);
                columns.add(task.isClassification() ? Targets.classification(column, Targets.classes(reft)) : Targets.regression(column));
            } else if (column instanceof NumericColumn) {
                columns.add(column);
            } else {
                List<String> levels = ((CategoricalColumn) reference.column(column.name())).levels();
                double[] codes = new double[column.size()];
                for (int i = 0; i < codes.length; i++) {
                    String label = column.format(i);
                    int code = label == null ? -1 : levels.indexOf(label);
                    codes[i] = code < 0 ? Double.NaN : code;
                }
                columns.add(NumericColumn.wrap(column.name(), codes));
            }
        }
        return Frame.of(columns);
    }

    /** The prepared frames in a plain binary cache beside the CSV (a benchmark convenience, not a format). */
    private static void writeCache(Path cache, Frame train, Frame test) throws IOException {
        try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cache), 1 << 20))) {
            List<String> names = train.names();
            out.writeInt(names.size());
            for (String name : names) {
                out.writeUTF(name);
            }
            for (Frame frame : new Frame[] {train, test}) {
                out.writeInt(frame.rowCount());
                for (String name : names) {
                    Column column = frame.column(name);
                    for (int i = 0; i < frame.rowCount(); i++) {
                        out.writeDouble(column instanceof NumericColumn n ? n.get(i) : ((CategoricalColumn) column).code(i));
                    }
                }
            }
        }
    }

    private static Frame[] readCache(Path cache, String target, Task task) throws IOException {
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache), 1 << 20))) {
            int p = in.readInt();
            List<String> names = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                names.add(in.readUTF());
            }
            Frame[] frames = new Frame[2];
            for (int f = 0; f < 2; f++) {
                int n = in.readInt();
                List<Column> columns = new ArrayList<>();
                for (String name : names) {
                    double[] values = new double[n];
                    for (int i = 0; i < n; i++) {
                        values[i] = in.readDouble();
                    }
                    if (name.equals(target) && task.isClassification()) {
                        int[] codes = new int[n];
                        for (int i = 0; i < n; i++) {
                            codes[i] = (int) values[i];
                        }
                        columns.add(CategoricalColumn.of(name, codes, List.of("0", "1")));
                    } else {
                        columns.add(NumericColumn.wrap(name, values));
                    }
                }
                frames[f] = Frame.of(columns);
            }
            return frames;
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
