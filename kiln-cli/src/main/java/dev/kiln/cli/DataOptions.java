package dev.kiln.cli;

import dev.kiln.data.ColumnKind;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Field;
import dev.kiln.data.Frame;
import dev.kiln.data.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --data} file of a command and how to read it. */
final class DataOptions {
    @Option(names = "--data", required = true, paramLabel = "CSV", description = "The data file (CSV, optionally .gz).")
    Path data;

    @Option(names = "--missing", paramLabel = "TOKEN",
            description = "A token that means a missing value, besides empty, NA, N/A, NaN and null (repeatable).")
    List<String> missing = new ArrayList<>();

    /** Reads the data, forcing each column the model knows to its training kind so errors name the file and line. */
    Frame read(Schema schema) throws IOException {
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        for (Field field : schema.fields()) {
            kinds.put(field.name(), field.kind());
        }
        return CsvReader.read(data, CsvOptions.defaults().withMissing(missing).withKinds(kinds));
    }
}
