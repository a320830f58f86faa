package dev.kiln.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.Frame;
import dev.kiln.monitor.DriftReference;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kiln drift MODEL --data new.csv}: the population stability index of every feature against the bundle's reference. */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Compare new data with the model's training reference: PSI of every feature.")
final class DriftCommand extends KilnCommand {
    @Mixin
    ModelOptions model;

    @Mixin
    DataOptions data;

    @Override
    int execute() throws Exception {
        ModelOptions.Loaded loaded = model.load();
        DriftReference reference = loaded.bundle().reference();
        Frame input = loaded.bundle().pipeline().conform(data.read(loaded.bundle().pipeline().inputSchema()));
        List<DriftReference.FeatureDrift> drift = reference.compare(input);
        if (common.json) {
            ObjectNode node = RunCommand.JSON.createObjectNode().put("model", loaded.name()).put("rows", input.rowCount())
                    .put("warn", reference.warn()).put("alert", reference.alert());
            ArrayNode features = node.putArray("features");
            drift.forEach(d -> features.addObject().put("feature", d.feature()).put("psi", d.psi()).put("status", d.status()));
            out().println(node.toPrettyString());
            return 0;
        }
        out().printf("%s: drift of %d rows from %s (PSI; warn >= %.2f, alert >= %.2f)%n", loaded.name(), input.rowCount(),
                data.data, reference.warn(), reference.alert());
        out().printf("%-24s %8s  %s%n", "feature", "psi", "status");
        for (DriftReference.FeatureDrift d : drift) {
            out().printf(Locale.ROOT, "%-24s %8.4f  %s%n", d.feature(), d.psi(), d.status());
        }
        long alerts = drift.stream().filter(d -> d.status().equals("alert")).count();
        long warnings = drift.stream().filter(d -> d.status().equals("warn")).count();
        out().printf("%d alert(s), %d warning(s)%n", alerts, warnings);
        return 0;
    }
}
