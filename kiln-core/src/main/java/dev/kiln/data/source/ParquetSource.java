package dev.kiln.data.source;

import dev.kiln.data.Checks;
import dev.kiln.data.Frame;

/**
 * Parquet files: one path or a glob of files with one schema ({@code data/part-*.parquet}), relative to the
 * context's folder. Read by DuckDB, in parallel.
 */
public record ParquetSource(String path) implements Source {
    public ParquetSource {
        Checks.checkArgument(path != null && !path.isBlank(), "parquet path must not be blank");
    }

    @Override
    public Frame read(SourceContext context) {
        Frame frame = ParquetFiles.read(context.resolve(path).toString(), null, context.kinds(), describe());
        return context.applyKinds(frame, describe());
    }

    @Override
    public String describe() {
        return "parquet " + path;
    }
}
