package dev.kiln.data;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How to read a delimited text file: delimiter, quote character, the tokens that mean "missing",
 * kinds forced for some columns (the rest are inferred), whether the first record is a header (without
 * one, columns are named {@code c0..cN} or by {@code columns}) and what a malformed row does (a ragged
 * row, an unterminated quote, invalid encoding: fail, or skip it and count it). Immutable.
 *
 * @param header true when the first record names the columns
 * @param columns the column names when there is no header row; empty means {@code c0, c1, ...}
 * @param onError what a malformed row does
 */
public record CsvOptions(char delimiter, char quote, Set<String> missingTokens, Map<String, ColumnKind> kinds,
                         boolean header, List<String> columns, OnError onError) {
    /** Tokens read as missing unless told otherwise, as pandas does: empty, NA, N/A, NaN, null. */
    public static final List<String> DEFAULT_MISSING = List.of("", "NA", "N/A", "NaN", "null");

    /** What a malformed row does: fail the read naming its file and line, or skip it and count it. */
    public enum OnError {
        FAIL, SKIP;

        /** The policy spelled as in a spec ({@code fail} or {@code skip}). */
        public static OnError of(String name) {
            return switch (name) {
                case "fail" -> FAIL;
                case "skip" -> SKIP;
                default -> throw new IllegalArgumentException("on_error must be fail or skip: '" + name + "'");
            };
        }
    }

    public CsvOptions {
        Checks.checkArgument(delimiter != quote, "delimiter and quote must differ: '%s'", delimiter);
        Checks.checkArgument(delimiter != '\n' && delimiter != '\r', "delimiter cannot be a line break");
        missingTokens = Set.copyOf(missingTokens);
        kinds = Map.copyOf(kinds);
        columns = List.copyOf(columns);
        Objects.requireNonNull(onError, "onError");
        Checks.checkArgument(header ? columns.isEmpty() : true, "columns are named by the header row; give columns only with header: false");
        Set<String> seen = new HashSet<>();
        for (String name : columns) {
            Checks.checkArgument(!name.isBlank(), "column names must not be blank");
            Checks.checkArgument(seen.add(name), "duplicate column name '%s'", name);
        }
    }

    /** With a header row, failing on malformed rows. */
    public CsvOptions(char delimiter, char quote, Set<String> missingTokens, Map<String, ColumnKind> kinds) {
        this(delimiter, quote, missingTokens, kinds, true, List.of(), OnError.FAIL);
    }

    /** Comma-separated, double-quoted, the default missing tokens, every kind inferred. */
    public static CsvOptions defaults() {
        return new CsvOptions(',', '"', Set.copyOf(DEFAULT_MISSING), Map.of());
    }

    /** These options with {@code tokens} also read as missing. */
    public CsvOptions withMissing(List<String> tokens) {
        Set<String> all = new LinkedHashSet<>(missingTokens);
        all.addAll(tokens);
        return new CsvOptions(delimiter, quote, all, kinds, header, columns, onError);
    }

    /** These options with the kinds of some columns forced. */
    public CsvOptions withKinds(Map<String, ColumnKind> forced) {
        return new CsvOptions(delimiter, quote, missingTokens, Objects.requireNonNull(forced), header, columns, onError);
    }

    public CsvOptions withDelimiter(char newDelimiter) {
        return new CsvOptions(newDelimiter, quote, missingTokens, kinds, header, columns, onError);
    }

    /** These options for a file without a header row, its columns named {@code names} (empty: c0, c1, ...). */
    public CsvOptions withoutHeader(List<String> names) {
        return new CsvOptions(delimiter, quote, missingTokens, kinds, false, names, onError);
    }

    public CsvOptions withOnError(OnError policy) {
        return new CsvOptions(delimiter, quote, missingTokens, kinds, header, columns, policy);
    }
}
