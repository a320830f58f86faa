package dev.kiln.cli;

import dev.kiln.data.source.CsvSource;
import dev.kiln.data.source.JsonSource;
import dev.kiln.data.source.ParquetSource;
import dev.kiln.data.source.Source;
import dev.kiln.workflow.SourceSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The SOURCE of {@code kiln collect}: a source spec file (YAML, or JSON holding a source mapping) for databases,
 * HTTP, MQTT, logs and SQL; otherwise a data file or glob, its kind told by its extension ({@code .parquet},
 * {@code .json}/{@code .ndjson}/{@code .jsonl}, {@code .tsv}, anything else CSV; {@code .gz} is looked through).
 *
 * @param baseDir the folder the source's relative paths start from
 */
record SourceArgument(Source source, Path baseDir) {
    static SourceArgument parse(String argument) throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        String lower = argument.toLowerCase(Locale.ROOT);
        Path file = cwd.resolve(argument);
        boolean spec = lower.endsWith(".yaml") || lower.endsWith(".yml")
                || (lower.endsWith(".json") && Files.isRegularFile(file) && SourceSpecs.looksLikeSourceSpec(file));
        if (spec) {
            return new SourceArgument(SourceSpecs.load(file), file.toAbsolutePath().getParent());
        }
        String name = lower.endsWith(".gz") ? lower.substring(0, lower.length() - 3) : lower;
        Source source;
        if (name.endsWith(".parquet")) {
            source = new ParquetSource(argument);
        } else if (name.endsWith(".json") || name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            source = new JsonSource(argument);
        } else if (name.endsWith(".tsv")) {
            source = new CsvSource(argument, '\t', '"', null);
        } else {
            source = CsvSource.of(argument);
        }
        return new SourceArgument(source, cwd);
    }
}
