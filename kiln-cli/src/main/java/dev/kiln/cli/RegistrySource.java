package dev.kiln.cli;

import dev.kiln.bundle.Bundle;
import dev.kiln.server.ModelSource;
import dev.kiln.server.ServedModel;
import dev.kiln.server.ServedModels;
import dev.kiln.store.KilnStore;
import dev.kiln.store.ModelVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves what the registry holds now: every version of the named models (all models when none is
 * named) that is not archived, with the registry's aliases ({@code name@champion}). Bundles are
 * immutable, so each is read once and kept across reloads.
 */
final class RegistrySource implements ModelSource {
    private final Path storeDir;
    private final List<String> names;
    private final int maxRows;
    private final Map<Path, Bundle> bundles = new ConcurrentHashMap<>();

    RegistrySource(Path storeDir, List<String> names, int maxRows) {
        this.storeDir = storeDir;
        this.names = List.copyOf(names);
        this.maxRows = maxRows;
    }

    @Override
    public ServedModels load() throws IOException {
        ServedModels.Builder builder = ServedModels.builder();
        try (KilnStore store = Stores.open(storeDir)) {
            for (String name : names.isEmpty() ? store.modelNames() : names) {
                List<ModelVersion> versions = store.versions(name);
                if (versions.isEmpty()) {
                    throw new IllegalArgumentException("no model '" + name + "' in " + storeDir + " (models: "
                            + String.join(", ", store.modelNames()) + ")");
                }
                for (ModelVersion version : versions) {
                    if (!version.stage().equals(ModelVersion.ARCHIVED)) {
                        builder.add(new ServedModel(name, version.version(), bundle(version.bundlePath()), maxRows));
                    }
                }
                store.aliases(name).forEach((alias, version) -> builder.alias(name, alias, version));
            }
        }
        return builder.build();
    }

    private Bundle bundle(Path path) throws IOException {
        Bundle cached = bundles.get(path);
        if (cached == null) {
            cached = Bundle.read(path);
            bundles.put(path, cached);
        }
        return cached;
    }
}
