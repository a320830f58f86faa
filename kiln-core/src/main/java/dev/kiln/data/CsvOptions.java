package dev.kiln.data;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How to read a delimited text file: delimiter, quote character, the tokens that mean "missing",
 * and kinds forced for some columns (the rest are inferred). Immutable.
 */
public record CsvOptions(char delimiter, char quote, Set<String> missingTokens, Map<String, ColumnKind> kinds) {
    /** Tokens read as missing unless told otherwise, as pandas does: empty, NA, N/A, NaN, null. */
    public static final List<String> DEFAULT_MISSING = List.of("", "NA", "N/A", "NaN", "null");

    public CsvOptions {
        Checks.checkArgument(delimiter != quote, "delimiter and quote must differ: '%s'", delimiter);
        Checks.checkArgument(delimiter != '\n' && delimiter != '\r', "delimiter cannot be a line break");
        missingTokens = Set.copyOf(missingTokens);
        kinds = Map.copyOf(kinds);
    }

    /** Comma-separated, double-quoted, the default missing tokens, every kind inferred. */
    public static CsvOptions defaults() {
        return new CsvOptions(',', '"', Set.copyOf(DEFAULT_MISSING), Map.of());
    }

    /** These options with {@code tokens} also read as missing. */
    public CsvOptions withMissing(List<String> tokens) {
        Set<String> all = new LinkedHashSet<>(missingTokens);
        all.addAll(tokens);
        return new CsvOptions(delimiter, quote, all, kinds);
    }

    /** These options with the kinds of some columns forced. */
    public CsvOptions withKinds(Map<String, ColumnKind> forced) {
        return new CsvOptions(delimiter, quote, missingTokens, Objects.requireNonNull(forced));
    }

    public CsvOptions withDelimiter(char newDelimiter) {
        return new CsvOptions(newDelimiter, quote, missingTokens, kinds);
    }
}
