package dev.kiln.cli;

import dev.kiln.data.CsvWriter;
import dev.kiln.data.Frame;
import dev.kiln.learn.Predictions;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kiln predict MODEL --data in.csv --out out.csv}: batch scoring with a bundle. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Score a CSV file with a model: the prediction, plus one probability column per class for classifiers.")
final class PredictCommand extends KilnCommand {
    @Mixin
    ModelOptions model;

    @Mixin
    DataOptions data;

    @Option(names = "--out", required = true, paramLabel = "CSV", description = "Where to write the predictions.")
    Path outFile;

    @Override
    int execute() throws Exception {
        long t0 = System.nanoTime();
        ModelOptions.Loaded loaded = model.load();
        Frame input = data.read(loaded.bundle().pipeline().inputSchema());
        Predictions predictions = loaded.bundle().pipeline().predict(input);
        CsvWriter.write(predictions.toFrame(), outFile);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (common.json) {
            out().println(RunCommand.JSON.createObjectNode().put("model", loaded.name()).put("rows", predictions.size())
                    .put("out", outFile.toString()).put("seconds", seconds).toPrettyString());
        } else {
            out().printf("%s: wrote %d predictions to %s (%.2f s)%n", loaded.name(), predictions.size(), outFile, seconds);
        }
        return 0;
    }
}
