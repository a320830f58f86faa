import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Frame;
import dev.kiln.learn.FeatureMatrix;
import dev.kiln.learn.Task;
import dev.kiln.learn.TrainOptions;
import dev.kiln.learn.gbm.GbmLearner;
import dev.kiln.learn.gbm.GbmModel;
import dev.kiln.learn.gbm.GbmParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * TreeSHAP throughput: a 100-tree, depth-6 GBM trained on the numeric columns f0..f27 of synth_100k, then exact
 * path-dependent SHAP values of the first ROWS rows, one thread, best of 3. Usage (after ./kiln has built):
 * java -Xmx2g -cp "kiln-cli/target/kiln-cli.jar:kiln-cli/target/lib/*" bench/ShapBench.java /tmp/peers/synth_100k.csv [rows]
 * Compare with python3 bench/scripts/shap_peer.py on the same file (XGBoost's pred_contribs, nthread=1).
 */
public final class ShapBench {
    public static void main(String[] args) throws Exception {
        Frame raw = CsvReader.read(Path.of(args[0]), CsvOptions.defaults());
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        List<String> features = new ArrayList<>();
        for (int j = 0; j < 28; j++) {
            features.add("f" + j);
        }
        String[] labels = new String[raw.rowCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = raw.column("label").format(i);
        }
        Frame train = raw.select(features).with(CategoricalColumn.ofLabels("y", labels));
        GbmModel model = new GbmLearner(GbmParams.defaults().withTrees(100).withTreeShape(6, 64).withMinSamplesLeaf(1))
                .fit(train, new TrainOptions("y", Task.BINARY, 1, 1));
        FeatureMatrix matrix = FeatureMatrix.of(train, features);
        double[] x = new double[features.size()];
        double[] baseline = new double[1];
        double[] phi = new double[features.size()];
        double best = Double.MAX_VALUE;
        double checksum = 0;
        for (int repeat = 0; repeat < 3; repeat++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < rows; i++) {
                matrix.row(i, x);
                model.contributions(x, baseline, phi);
                checksum += phi[0];
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "{\"tool\":\"kiln\",\"trees\":%d,\"leaves\":%d,\"rows\":%d,\"seconds\":%.4f,\"rows_per_s\":%.0f,\"checksum\":%.6f}%n",
                model.ensemble().trees(), model.ensemble().leafCount(), rows, best, rows / best, checksum);
    }
}
