package dev.kiln.data.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.data.Checks;
import dev.kiln.data.Frame;
import dev.kiln.data.InvalidDataException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * JSON records: a file holding one array of objects, or NDJSON (one object per line), optionally {@code .gz};
 * one path or a glob. Read as a stream, one record at a time; keys become columns typed as CSV values are.
 */
public record JsonSource(String path) implements Source {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public JsonSource {
        Checks.checkArgument(path != null && !path.isBlank(), "json path must not be blank");
    }

    @Override
    public Frame read(SourceContext context) throws IOException {
        TextTable table = new TextTable(context.missing());
        List<Path> files = new ArrayList<>(Globs.expand(context, path, this));
        for (Path file : files) {
            readFile(file, table);
        }
        return table.toFrame(context.kinds(), describe());
    }

    private static void readFile(Path file, TextTable table) throws IOException {
        long record = 0;
        try (InputStream in = open(file); MappingIterator<JsonNode> records = MAPPER.readerFor(JsonNode.class).readValues(in)) {
            while (records.hasNextValue()) {
                record++;
                JsonNode node = records.nextValue();
                if (!JsonRecords.add(table, node)) {
                    throw new InvalidDataException(file + ": record " + record + " (line "
                            + records.getCurrentLocation().getLineNr() + ") is not a JSON object");
                }
            }
        } catch (JsonProcessingException e) {
            throw new InvalidDataException(file + ":" + e.getLocation().getLineNr() + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    @Override
    public String describe() {
        return "json " + path;
    }
}
