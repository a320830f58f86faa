package dev.kiln.cli;

import dev.kiln.store.KilnStore;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --store DIR} option of the commands that read or change an existing store. */
final class StoreOptions {
    @Option(names = "--store", paramLabel = "DIR", description = "The store folder (default: .kiln).")
    Path storeDir = Path.of(".kiln");

    /** Opens the store; a missing folder is the caller's mistake. */
    KilnStore open() {
        if (!Files.isDirectory(storeDir)) {
            throw new IllegalArgumentException("no store at " + storeDir
                    + " (use --store DIR; kiln run creates .kiln beside the spec)");
        }
        return Stores.open(storeDir);
    }
}
