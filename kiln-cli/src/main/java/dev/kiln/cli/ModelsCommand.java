package dev.kiln.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.kiln.store.KilnStore;
import dev.kiln.store.ModelVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln models [NAME]}: the registered model versions. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List registered model versions.")
final class ModelsCommand extends KilnCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Only this model.")
    String name;

    @Option(names = "--store", paramLabel = "DIR", description = "The store folder (default: .kiln).")
    Path storeDir = Path.of(".kiln");

    @Override
    int execute() throws Exception {
        if (!Files.isDirectory(storeDir)) {
            throw new IllegalArgumentException("no store at " + storeDir + " (use --store DIR; kiln run creates .kiln beside the spec)");
        }
        List<ModelVersion> versions = new ArrayList<>();
        try (KilnStore store = Stores.open(storeDir)) {
            for (String model : name == null ? store.modelNames() : List.of(name)) {
                versions.addAll(store.versions(model));
            }
        }
        if (common.json) {
            ArrayNode array = RunCommand.JSON.createArrayNode();
            versions.forEach(v -> array.addObject().put("ref", v.ref()).put("stage", v.stage()).put("accepted", v.accepted())
                    .put("run_id", v.runId()).put("bundle", v.bundlePath().toString()).put("created", v.created().toString()));
            out().println(array.toPrettyString());
            return 0;
        }
        out().printf("%-24s %-10s %-9s %-32s %s%n", "model", "stage", "accepted", "run", "created");
        for (ModelVersion v : versions) {
            out().printf(Locale.ROOT, "%-24s %-10s %-9s %-32s %s%n", v.ref(), v.stage(), v.accepted() ? "yes" : "no",
                    v.runId(), v.created());
        }
        return 0;
    }
}
