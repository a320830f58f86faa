package dev.kiln.cli;

import dev.kiln.bundle.Bundle;
import dev.kiln.data.InvalidDataException;
import dev.kiln.store.KilnStore;
import dev.kiln.store.ModelVersion;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The MODEL argument of the commands that use a model: a bundle folder, or a registry reference
 * ({@code name}, {@code name:3}, {@code name@champion}) looked up in the store.
 */
final class ModelOptions {
    @Parameters(index = "0", paramLabel = "MODEL",
            description = "A bundle folder, or a registered model: NAME (latest), NAME:VERSION or NAME@ALIAS (e.g. @champion).")
    String model;

    @Option(names = "--store", paramLabel = "DIR", description = "The store folder for registry references (default: .kiln).")
    Path storeDir = Path.of(".kiln");

    /** The bundle and the name to show for it. */
    record Loaded(String name, Bundle bundle) {
    }

    Loaded load() throws IOException {
        Path path = Path.of(model);
        if (Files.isDirectory(path)) {
            Bundle bundle = Bundle.read(path);
            return new Loaded(bundle.manifest().name(), bundle);
        }
        if (model.contains("/") || model.contains(File.separator)) {
            throw new InvalidDataException(model + ": no such bundle folder");
        }
        if (!Files.isDirectory(storeDir)) {
            throw new InvalidDataException(model + ": no bundle folder of that name, and no store at " + storeDir
                    + " to look it up in (use --store DIR)");
        }
        try (KilnStore store = Stores.open(storeDir)) {
            Optional<ModelVersion> version = store.resolve(model);
            if (version.isEmpty()) {
                throw new InvalidDataException(model + ": no bundle folder of that name, and no such model in " + storeDir
                        + " (models: " + String.join(", ", store.modelNames()) + ")");
            }
            return new Loaded(version.get().ref(), Bundle.read(version.get().bundlePath()));
        }
    }
}
