package dev.kiln.server.monitor;

import dev.kiln.bundle.Bundle;
import java.util.List;
import java.util.Map;

/**
 * What the monitor needs to know about the models a server answers for, now: their names, the version a request
 * naming only the model goes to, the bundle of any served version, and the aliases. The server implements it over
 * its current served set, so a promotion shows on the next call.
 */
public interface ModelLookup {
    /** The served model names. */
    List<String> names();

    /** The version answering requests that name only {@code name}; -1 when the model is not served. */
    int currentVersion(String name);

    /** The bundle of {@code version} of {@code name}, or null when that version is not served. */
    Bundle bundle(String name, int version);

    /** The aliases of {@code name}: alias to version. */
    Map<String, Integer> aliases(String name);
}
