package dev.kiln.cli;

import dev.kiln.store.KilnStore;
import java.nio.file.Path;

/** Opens the store a command uses: {@code KILN_STORE} (a JDBC URL) when set, else SQLite in the given folder. */
final class Stores {
    /** The environment variable naming a team store, for instance {@code jdbc:postgresql://host/db}. */
    static final String ENV = "KILN_STORE";

    private Stores() {
    }

    static KilnStore open(Path kilnDir) {
        String url = System.getenv(ENV);
        return url == null || url.isBlank() ? KilnStore.open(kilnDir) : KilnStore.open(kilnDir, url);
    }
}
