package dev.kiln.data.source;

import dev.kiln.data.Checks;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.ColumnParser;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.InvalidDataException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What reading a source needs besides its own settings: the folder relative paths start from, the environment
 * that credentials are looked up in, the tokens that mean "missing" in text values, the column kinds forced by
 * the caller, and where notes (such as counts of skipped lines) go. Immutable.
 */
public record SourceContext(Path baseDir, Function<String, String> environment, Set<String> missing,
                            Map<String, ColumnKind> kinds, Consumer<String> notes) {
    public SourceContext {
        Checks.checkArgument(baseDir != null, "baseDir must not be null");
        missing = Set.copyOf(missing);
        kinds = Map.copyOf(kinds);
    }

    /** Paths relative to {@code baseDir}, the process environment, the default missing tokens, kinds inferred, notes dropped. */
    public static SourceContext of(Path baseDir) {
        return new SourceContext(baseDir, System::getenv, Set.copyOf(CsvOptions.DEFAULT_MISSING), Map.of(), note -> { });
    }

    /** This context with {@code tokens} also read as missing. */
    public SourceContext withMissing(List<String> tokens) {
        Set<String> all = new java.util.LinkedHashSet<>(missing);
        all.addAll(tokens);
        return new SourceContext(baseDir, environment, all, kinds, notes);
    }

    public SourceContext withKinds(Map<String, ColumnKind> forced) {
        return new SourceContext(baseDir, environment, missing, forced, notes);
    }

    public SourceContext withEnvironment(Function<String, String> env) {
        return new SourceContext(baseDir, env, missing, kinds, notes);
    }

    public SourceContext withNotes(Consumer<String> sink) {
        return new SourceContext(baseDir, environment, missing, kinds, sink);
    }

    /** {@code path} resolved against the base folder. */
    public Path resolve(String path) {
        return baseDir.toAbsolutePath().resolve(path).normalize();
    }

    /** Options for delimited text under this context's missing tokens and kinds. */
    CsvOptions csvOptions() {
        return CsvOptions.defaults().withMissing(List.copyOf(missing)).withKinds(kinds);
    }

    /**
     * The value of the environment variable {@code name}, or null when {@code name} is null. An unset variable
     * is the caller's mistake: {@link InvalidDataException} naming the variable and the source, never the value.
     */
    String secret(String name, Source source) {
        if (name == null) {
            return null;
        }
        String value = environment.apply(name);
        if (value == null) {
            throw new InvalidDataException(source.describe() + ": environment variable " + name + " is not set");
        }
        return value;
    }

    /** {@code frame} with the forced kinds applied to the columns they name (reparsed from their text). */
    Frame applyKinds(Frame frame, String source) {
        if (kinds.isEmpty()) {
            return frame;
        }
        List<Column> out = new ArrayList<>();
        for (Column column : frame.columns()) {
            ColumnKind kind = kinds.get(column.name());
            if (kind == null || kind == column.kind()) {
                out.add(column);
                continue;
            }
            String[] text = new String[column.size()];
            for (int i = 0; i < text.length; i++) {
                text[i] = column.format(i);
            }
            out.add(ColumnParser.parse(column.name(), text, kind, i -> source + ": row " + (i + 1)));
        }
        return Frame.of(out);
    }
}
