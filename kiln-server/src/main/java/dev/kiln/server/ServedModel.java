package dev.kiln.server;

import dev.kiln.server.monitor.LogLayout;
import dev.kiln.bundle.Bundle;
import dev.kiln.learn.RowPipeline;

/**
 * One model version the server answers for: its name, version (0 for a bundle served from a folder
 * rather than the registry) and bundle, plus the input decoder built from its schema. Immutable.
 */
public final class ServedModel {
    private final String name;
    private final int version;
    private final Bundle bundle;
    private final InputDecoder decoder;
    private final RecordPredictor records;
    private final LogLayout logLayout;
    private final String ref;

    public ServedModel(String name, int version, Bundle bundle, int maxRows) {
        this.name = name;
        this.version = version;
        this.bundle = bundle;
        this.ref = version == 0 ? name : name + ":" + version;
        this.decoder = new InputDecoder(bundle.pipeline().inputSchema(), maxRows);
        var schema = bundle.pipeline().inputSchema();
        // a field named like a request shape would make a one-field record ambiguous: leave those to the general path
        boolean plain = !schema.contains("records") && !schema.contains("columns");
        this.logLayout = LogLayout.of(name, version, bundle);
        this.records = plain ? RowPipeline.compile(bundle.pipeline()).map(rows -> new RecordPredictor(schema, rows, ref())).orElse(null) : null;
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

    /** The one-record fast path, or null when the pipeline has no row form (a step without one). */
    RecordPredictor records() {
        return records;
    }

    /** What the prediction log keeps of this version's requests. */
    LogLayout logLayout() {
        return logLayout;
    }

    /** {@code name:version}, or just the name for an unversioned bundle. */
    public String ref() {
        return ref;
    }
}
