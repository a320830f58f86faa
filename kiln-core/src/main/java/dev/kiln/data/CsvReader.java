package dev.kiln.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads a delimited text file (CSV, TSV; optionally gzip-compressed) into a {@link Frame}, inferring each
 * column's kind unless the options force it. UTF-8 unless told otherwise; a byte-order mark is skipped; invalid
 * bytes, a ragged row or an unterminated quote fail with the file and line, or are skipped and counted under
 * {@code on_error: skip}. Files are read by {@link BlockCsvReader} (bytes parsed straight into typed arrays on
 * every core), whole or as a stream of blocks ({@link #streamBlocks}); a {@link Reader} goes through the
 * sequential character tokenizer, with the same results.
 */
public final class CsvReader {
    private CsvReader() {
    }

    /**
     * Reads {@code path} (UTF-8, or gzip-compressed UTF-8 when it ends with {@code .gz}) on every core;
     * {@link InvalidDataException} naming the file and line on malformed input.
     */
    public static Frame read(Path path, CsvOptions options) throws IOException {
        return readFile(path, options, StandardCharsets.UTF_8).frame();
    }

    /**
     * Reads {@code path}, its text in {@code encoding}, on every core, as blocks of bytes parsed straight into typed
     * arrays (see {@link BlockCsvReader}); returns the frame with the rows skipped under
     * {@link CsvOptions.OnError#SKIP}. The frame is the same whatever the number of cores.
     */
    public static CsvRead readFile(Path path, CsvOptions options, Charset encoding) throws IOException {
        int threads = Runtime.getRuntime().availableProcessors();
        return readFile(path, options, encoding, threads, BlockCsvReader.blockBytes(path, threads));
    }

    /** As {@link #readFile(Path, CsvOptions, Charset)} on {@code threads} threads with blocks of {@code blockBytes}. */
    static CsvRead readFile(Path path, CsvOptions options, Charset encoding, int threads, int blockBytes) throws IOException {
        if (options.delimiter() > 127 || options.quote() > 127) { // the byte reader needs ASCII delimiters and quotes
            try (InputStream in = open(path); Reader reader = new java.io.InputStreamReader(in, encoding.newDecoder())) {
                return read(reader, path.toString(), options, path);
            } catch (NoSuchFileException e) {
                throw new InvalidDataException(path + ": no such file");
            }
        }
        return new BlockCsvReader(path, options, encoding, threads, blockBytes).read();
    }

    /**
     * Reads {@code path} (UTF-8, {@code .gz} allowed) as frames of a few megabytes of text each, parsed on every
     * core and handed to {@code sink} in file order, in bounded memory; returns the number of rows. Kinds forced
     * by the options hold in every frame; other columns are inferred per frame. Errors name the file and line,
     * and rows are skipped under {@link CsvOptions.OnError#SKIP}. The frames' sizes follow the text, not a row
     * count: the next blocks are parsed while the sink works on this one.
     */
    public static long streamBlocks(Path path, CsvOptions options, ChunkSink sink) throws IOException {
        int threads = Runtime.getRuntime().availableProcessors();
        return new BlockCsvReader(path, options, StandardCharsets.UTF_8, threads, BlockCsvReader.blockBytes(path, threads))
                .stream(sink);
    }

    /** Reads delimited text from {@code reader}; {@code source} names it in errors. */
    public static Frame read(Reader reader, String source, CsvOptions options) throws IOException {
        return read(reader, source, options, null).frame();
    }

    /**
     * Reads from {@code reader}. With a {@code file} to read again, columns are parsed as numbers while
     * they look numeric and only a column that turns out not to be gets its text, the rows before the
     * first non-number read again from the file; without one, every value is kept as text first. Under
     * {@code on_error: skip} a ragged row is skipped and counted (in both readings); a malformed quote fails even
     * then, as the tokenizer cannot resume after one.
     */
    private static CsvRead read(Reader reader, String source, CsvOptions options, Path file) throws IOException {
        CsvTokenizer tokenizer = new CsvTokenizer(reader, source, options.delimiter(), options.quote());
        List<String> record = new ArrayList<>();
        try {
            if (!tokenizer.next(record)) {
                throw new InvalidDataException(source + ": empty file, expected a header row");
            }
            List<String> header = checkHeader(record, source);
            int width = header.size();
            CsvColumns columns = new CsvColumns(header, options, file != null);
            long skipped = 0;
            List<String> described = new ArrayList<>();
            for (int count = tokenizer.next(columns); count >= 0; count = tokenizer.next(columns)) {
                if (count != width) {
                    String problem = source + ":" + tokenizer.recordLine() + ": expected " + width + " fields, found " + count;
                    if (options.onError() != CsvOptions.OnError.SKIP) {
                        throw new InvalidDataException(problem);
                    }
                    columns.discardRow();
                    if (described.size() < CsvBlock.DESCRIBED_SKIPS) {
                        described.add(problem);
                    }
                    skipped++;
                    continue;
                }
                columns.endRow(tokenizer.recordLine());
            }
            if (columns.needsSecondPass()) {
                try (InputStream in = open(file); Reader again = utf8(in)) {
                    columns.secondPass(new CsvTokenizer(again, source, options.delimiter(), options.quote()));
                }
            }
            return new CsvRead(columns.toFrame(source), skipped, described);
        } catch (CharacterCodingException e) {
            throw new InvalidDataException(source + ":" + tokenizer.line() + ": invalid UTF-8 byte sequence");
        }
    }

    /** Receives the frames of a file read in chunks, with how many bytes of the file have been read so far. */
    @FunctionalInterface
    public interface ChunkSink {
        void accept(Frame chunk, long bytesRead) throws IOException;
    }

    /** The column names in the header row of {@code path}, without reading the rest. */
    public static List<String> header(Path path, char delimiter) throws IOException {
        return checkHeader(firstRecord(path, delimiter), path.toString());
    }

    /** The fields of the first record of {@code path} as written (no check that they make column names). */
    public static List<String> firstRecord(Path path, char delimiter) throws IOException {
        String source = path.toString();
        try (InputStream in = open(path); Reader reader = utf8(in)) {
            List<String> record = new ArrayList<>();
            if (!new CsvTokenizer(reader, source, delimiter, '"').next(record)) {
                throw new InvalidDataException(source + ": empty file, expected a header row");
            }
            return record;
        } catch (NoSuchFileException e) {
            throw new InvalidDataException(source + ": no such file");
        } catch (CharacterCodingException e) {
            throw new InvalidDataException(source + ":1: invalid UTF-8 byte sequence");
        }
    }

    private static List<String> checkHeader(List<String> record, String source) {
        List<String> header = new ArrayList<>(record);
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < header.size(); j++) {
            String name = header.get(j).strip();
            if (name.isEmpty()) {
                throw new InvalidDataException(source + ":1: header field " + (j + 1) + " is empty, expected a column name");
            }
            if (!seen.add(name)) {
                throw new InvalidDataException(source + ":1: duplicate column name '" + name + "'");
            }
            header.set(j, name);
        }
        return header;
    }

    private static InputStream open(Path path) throws IOException {
        return decompressed(Files.newInputStream(path), path);
    }

    /** {@code raw} buffered, and gunzipped when {@code path} ends with {@code .gz}. */
    private static InputStream decompressed(InputStream raw, Path path) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        if (!path.getFileName().toString().endsWith(".gz")) {
            return in;
        }
        // buffered again: utf8() needs mark/reset to skip a byte-order mark, which GZIPInputStream lacks
        return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
    }

    private static Reader utf8(InputStream in) throws IOException {
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
        return new Utf8Reader(in);
    }
}
