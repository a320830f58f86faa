package dev.kiln.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.kiln.store.KilnStore;
import dev.kiln.store.ModelVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Lists the registered model versions with their aliases: {@code kiln models} and {@code kiln models list}. */
abstract class ModelListing extends KilnCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Only this model.")
    String name;

    @Mixin
    StoreOptions store;

    @Override
    int execute() {
        List<ModelVersion> versions = new ArrayList<>();
        Map<String, Map<String, Integer>> aliases = new TreeMap<>();
        try (KilnStore opened = store.open()) {
            for (String model : name == null ? opened.modelNames() : List.of(name)) {
                versions.addAll(opened.versions(model));
                aliases.put(model, opened.aliases(model));
            }
        }
        if (common.json) {
            ArrayNode array = RunCommand.JSON.createArrayNode();
            for (ModelVersion v : versions) {
                var node = array.addObject().put("ref", v.ref()).put("stage", v.stage()).put("accepted", v.accepted())
                        .put("run_id", v.runId()).put("bundle", v.bundlePath().toString()).put("created", v.created().toString());
                var list = node.putArray("aliases");
                aliasesOf(aliases.get(v.name()), v.version()).forEach(list::add);
            }
            out().println(array.toPrettyString());
            return 0;
        }
        out().printf("%-24s %-22s %-10s %-9s %-32s %s%n", "model", "aliases", "stage", "accepted", "run", "created");
        for (ModelVersion v : versions) {
            out().printf(Locale.ROOT, "%-24s %-22s %-10s %-9s %-32s %s%n", v.ref(),
                    String.join(",", aliasesOf(aliases.get(v.name()), v.version())), v.stage(),
                    v.accepted() ? "yes" : "no", v.runId(), v.created());
        }
        return 0;
    }

    /** The aliases in {@code aliases} that point to {@code version}, sorted. */
    static List<String> aliasesOf(Map<String, Integer> aliases, int version) {
        return aliases.entrySet().stream().filter(e -> e.getValue() == version).map(Map.Entry::getKey).sorted().toList();
    }
}
