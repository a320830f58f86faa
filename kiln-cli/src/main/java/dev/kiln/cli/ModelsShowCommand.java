package dev.kiln.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.store.AuditEntry;
import dev.kiln.store.KilnStore;
import dev.kiln.store.ModelVersion;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kiln models show NAME}: one model's aliases, versions with their test metrics, and recent changes. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one model: aliases, versions, recent changes.")
final class ModelsShowCommand extends KilnCommand {
    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "NAME", description = "The model name.")
    String name;

    @Override
    int execute() {
        List<ModelVersion> versions;
        Map<String, Integer> aliases;
        List<AuditEntry> recent;
        try (KilnStore opened = store.open()) {
            versions = opened.versions(name);
            if (versions.isEmpty()) {
                throw new IllegalArgumentException("unknown model '" + name + "'; models: " + opened.modelNames());
            }
            aliases = opened.aliases(name);
            recent = opened.audit(name, 5);
        }
        if (common.json) {
            ObjectNode node = RunCommand.JSON.createObjectNode().put("name", name);
            ObjectNode aliasNode = node.putObject("aliases");
            aliases.forEach(aliasNode::put);
            var array = node.putArray("versions");
            for (ModelVersion v : versions) {
                ObjectNode version = array.addObject().put("version", v.version()).put("stage", v.stage())
                        .put("accepted", v.accepted()).put("run_id", v.runId()).put("bundle", v.bundlePath().toString())
                        .put("created", v.created().toString());
                ModelListing.aliasesOf(aliases, v.version()).forEach(version.putArray("aliases")::add);
                ObjectNode metrics = version.putObject("metrics");
                v.metrics().forEach(metrics::put);
            }
            out().println(node.toPrettyString());
            return 0;
        }
        out().printf("model:   %s%n", name);
        out().printf("aliases: %s%n", aliases.isEmpty() ? "(none)" : new java.util.TreeMap<>(aliases).toString());
        out().printf("%-8s %-22s %-10s %-9s %-34s %s%n", "version", "aliases", "stage", "accepted", "run", "test metrics");
        for (ModelVersion v : versions) {
            StringBuilder metrics = new StringBuilder();
            v.metrics().forEach((k, x) -> metrics.append(String.format(Locale.ROOT, "%s=%.4f ", k, x)));
            out().printf(Locale.ROOT, "%-8d %-22s %-10s %-9s %-34s %s%n", v.version(),
                    String.join(",", ModelListing.aliasesOf(aliases, v.version())), v.stage(),
                    v.accepted() ? "yes" : "no", v.runId(), metrics.toString().trim());
        }
        out().println();
        out().println("recent changes (kiln models history " + name + " for all):");
        AuditTable.print(out(), recent, false);
        return 0;
    }
}
