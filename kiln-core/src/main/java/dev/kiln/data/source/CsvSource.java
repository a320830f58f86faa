package dev.kiln.data.source;

import dev.kiln.data.Checks;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvRead;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Frame;
import dev.kiln.data.InvalidDataException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Delimited text: one file or a glob of files with one schema, each optionally gzip-compressed ({@code .gz}). The
 * delimiter is detected from the first line (comma, semicolon, tab or bar) unless given; the encoding is UTF-8
 * unless given. Every file is read on every core as blocks of bytes parsed straight into typed arrays
 * ({@link CsvReader#readFile}). The kinds inferred from the first file are forced on the others, so a value that
 * does not fit names its file and line. Without a header row, columns are named {@code c0..cN} or by
 * {@code columns}; under {@code on_error: skip}, malformed rows are skipped and counted in a note.
 *
 * @param delimiter the field delimiter, or null to detect it
 * @param encoding a charset name such as {@code ISO-8859-1}, or null for UTF-8
 * @param header whether the first record names the columns
 * @param columns the column names when there is no header (empty: c0, c1, ...)
 * @param onError {@code fail} or {@code skip} for malformed rows (ragged, unterminated quote, invalid encoding)
 */
public record CsvSource(String path, Character delimiter, char quote, String encoding, boolean header,
                        List<String> columns, String onError) implements Source {
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};

    public CsvSource {
        Checks.checkArgument(path != null && !path.isBlank(), "csv path must not be blank");
        if (encoding != null) {
            Checks.checkArgument(Charset.isSupported(encoding), "unknown encoding '%s'", encoding);
        }
        columns = List.copyOf(columns);
        onError = onError == null ? "fail" : onError;
        CsvOptions.OnError.of(onError);
        Checks.checkArgument(!header || columns.isEmpty(), "columns apply only with header: false");
        new CsvOptions(',', '"', java.util.Set.of(), Map.of(), header, columns, CsvOptions.OnError.of(onError)); // checks the names
    }

    /** With a header row, failing on malformed rows. */
    public CsvSource(String path, Character delimiter, char quote, String encoding) {
        this(path, delimiter, quote, encoding, true, List.of(), "fail");
    }

    /** Comma or detected delimiter, double quotes, UTF-8. */
    public static CsvSource of(String path) {
        return new CsvSource(path, null, '"', null);
    }

    @Override
    public Frame read(SourceContext context) throws IOException {
        List<Path> files = Globs.expand(context, path, this);
        char sep = delimiter != null ? delimiter : detect(files.get(0));
        CsvOptions options = new CsvOptions(sep, quote, context.missing(), context.kinds(), header, columns,
                CsvOptions.OnError.of(onError));
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        List<Frame> frames = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new InvalidDataException(file + ": no such file");
            }
            CsvRead read = CsvReader.readFile(file, options, charset);
            if (read.skippedRows() > 0) {
                context.notes().accept(read.note(file.toString()));
            }
            if (frames.isEmpty()) {
                options = options.withKinds(kindsOf(read.frame()));
            }
            frames.add(read.frame());
            names.add(file.toString());
        }
        return FrameConcat.concat(frames, names);
    }

    /** The column names of the first file (its header, or those given or numbered), without reading the rest. */
    public List<String> header(SourceContext context) throws IOException {
        Path first = Globs.expand(context, path, this).get(0);
        char sep = delimiter != null ? delimiter : detect(first);
        if (header) {
            return CsvReader.header(first, sep);
        }
        if (!columns.isEmpty()) {
            return columns;
        }
        List<String> firstRecord = CsvReader.firstRecord(first, sep);
        List<String> numbered = new ArrayList<>();
        for (int j = 0; j < firstRecord.size(); j++) {
            numbered.add("c" + j);
        }
        return numbered;
    }

    /** The candidate delimiter seen most often outside quotes on the first line; comma on a tie or none. */
    private char detect(Path file) throws IOException {
        byte[] head;
        try (InputStream in = open(file)) {
            head = in.readNBytes(1 << 16);
        }
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        for (byte b : head) {
            if (b == quote) {
                quoted = !quoted;
            } else if (!quoted && (b == '\n' || b == '\r')) {
                break;
            }
            for (int k = 0; k < CANDIDATES.length; k++) {
                counts[k] += !quoted && b == CANDIDATES[k] ? 1 : 0;
            }
        }
        int best = 0;
        for (int k = 1; k < CANDIDATES.length; k++) {
            best = counts[k] > counts[best] ? k : best;
        }
        return CANDIDATES[best];
    }

    private static InputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidDataException(file + ": no such file");
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static Map<String, ColumnKind> kindsOf(Frame frame) {
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        for (Column column : frame.columns()) {
            kinds.put(column.name(), column.kind());
        }
        return kinds;
    }

    @Override
    public String describe() {
        return "csv " + path;
    }
}
