package dev.kiln.server;

import java.io.IOException;

/**
 * Where a server gets the models it answers for: called at start and on every reload, it returns the
 * current set. A registry-backed source returns the versions and aliases registered now, so that a
 * promotion is picked up by the next reload.
 */
@FunctionalInterface
public interface ModelSource {
    ServedModels load() throws IOException;
}
