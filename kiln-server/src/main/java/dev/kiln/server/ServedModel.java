package dev.kiln.server;

import dev.kiln.bundle.Bundle;

/**
 * One model version the server answers for: its name, version (0 for a bundle served from a folder
 * rather than the registry) and bundle, plus the input decoder built from its schema. Immutable.
 */
public final class ServedModel {
    private final String name;
    private final int version;
    private final Bundle bundle;
    private final InputDecoder decoder;

    public ServedModel(String name, int version, Bundle bundle, int maxRows) {
        this.name = name;
        this.version = version;
        this.bundle = bundle;
        this.decoder = new InputDecoder(bundle.pipeline().inputSchema(), maxRows);
    }

    public String name() {
        return name;
    }

    public int version() {
        return version;
    }

    public Bundle bundle() {
        return bundle;
    }

    InputDecoder decoder() {
        return decoder;
    }

    /** {@code name:version}, or just the name for an unversioned bundle. */
    public String ref() {
        return version == 0 ? name : name + ":" + version;
    }
}
