package dev.kiln.data.source;

import dev.kiln.data.Frame;
import java.io.IOException;

/**
 * A place data is collected from. Records are immutable settings only; {@link #read} does the work each time it
 * is called. A description names the source in messages and in a snapshot's metadata and holds no secret.
 */
public sealed interface Source
        permits CsvSource, ParquetSource, JsonSource, JdbcSource, HttpSource, MqttSource, LogSource, SqlSource {

    /**
     * Reads the source into a frame.
     *
     * @throws dev.kiln.data.InvalidDataException on bad data or a bad query, naming the source and where
     * @throws SourceException when the server cannot be reached or refuses the request
     */
    Frame read(SourceContext context) throws IOException;

    /** A one-line description without secrets, for instance {@code csv data/*.csv}. */
    String describe();
}
