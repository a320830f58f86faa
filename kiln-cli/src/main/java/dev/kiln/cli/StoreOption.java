package dev.kiln.cli;

import dev.kiln.store.KilnStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --store} folder of the dataset commands: {@code .kiln} in the working folder unless given. */
final class StoreOption {
    @Option(names = "--store", paramLabel = "DIR", description = "The store folder (default: .kiln in the working folder).")
    Path storeDir;

    KilnStore open() {
        return Stores.open(storeDir != null ? storeDir : Path.of(".kiln"));
    }
}
