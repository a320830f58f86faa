package dev.kiln.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.Frame;
import dev.kiln.monitor.DriftMethod;
import dev.kiln.monitor.DriftReference;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kiln drift MODEL --data new.csv}: every feature of new data against the bundle's training
 * reference: its population stability index, and the verdict of a drift test or distance.
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = {"Compare new data with the model's training reference: the PSI of every feature, and a drift verdict.",
                "Methods: auto (KS / chi-squared for references up to 1,000 rows, normed Wasserstein / Jensen-Shannon above),"
                        + " psi, ks, chi2, js, wasserstein."})
final class DriftCommand extends KilnCommand {
    @Mixin
    ModelOptions model;

    @Mixin
    DataOptions data;

    @Option(names = "--method", paramLabel = "METHOD", description = "How to judge drift (default: ${DEFAULT-VALUE}).")
    String method = "auto";

    @Option(names = "--dataset-share", paramLabel = "SHARE",
            description = "The data drifted as a whole when at least this share of features did (default: ${DEFAULT-VALUE}).")
    double share = 0.5;

    @Override
    int execute() throws Exception {
        DriftMethod chosen = DriftMethod.fromLabel(method);
        if (chosen == null) {
            throw new IllegalArgumentException("--method: unknown method '" + method + "' (known: "
                    + String.join(", ", Arrays.stream(DriftMethod.values()).map(DriftMethod::label).toList()) + ")");
        }
        ModelOptions.Loaded loaded = model.load();
        DriftReference reference = loaded.bundle().reference();
        Frame input = loaded.bundle().pipeline().conform(data.read(loaded.bundle().pipeline().inputSchema()));
        List<DriftReference.FeatureDrift> drift = reference.compare(input, chosen);
        boolean datasetDrift = DriftReference.datasetDrift(drift, share);
        if (common.json) {
            ObjectNode node = RunCommand.JSON.createObjectNode().put("model", loaded.name()).put("rows", input.rowCount())
                    .put("warn", reference.warn()).put("alert", reference.alert()).put("dataset_drift", datasetDrift);
            ArrayNode features = node.putArray("features");
            for (DriftReference.FeatureDrift d : drift) {
                ObjectNode f = features.addObject().put("feature", d.feature()).put("psi", d.psi()).put("status", d.status())
                        .put("method", d.method()).put("statistic", d.statistic()).put("drifted", d.drifted());
                if (!Double.isNaN(d.pValue())) {
                    f.put("p_value", d.pValue());
                }
            }
            out().println(node.toPrettyString());
            return 0;
        }
        out().printf("%s: drift of %d rows from %s (PSI warn >= %.2f, alert >= %.2f)%n", loaded.name(), input.rowCount(),
                data.data, reference.warn(), reference.alert());
        out().printf("%-24s %8s %-6s  %-12s %10s %9s  %s%n", "feature", "psi", "status", "method", "statistic", "p-value", "drifted");
        for (DriftReference.FeatureDrift d : drift) {
            out().printf(Locale.ROOT, "%-24s %8.4f %-6s  %-12s %10.4f %9s  %s%n", d.feature(), d.psi(), d.status(), d.method(),
                    d.statistic(), Double.isNaN(d.pValue()) ? "-" : String.format(Locale.ROOT, "%.4f", d.pValue()),
                    d.drifted() ? "yes" : "no");
        }
        long drifted = drift.stream().filter(DriftReference.FeatureDrift::drifted).count();
        out().printf("%d of %d features drifted; dataset drift: %s%n", drifted, drift.size(), datasetDrift ? "yes" : "no");
        return 0;
    }
}
