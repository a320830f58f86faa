package dev.kiln.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads a delimited text file (CSV, TSV; optionally gzip-compressed) with a header row into a
 * {@link Frame}, inferring each column's kind unless the options force it. UTF-8; a byte-order mark
 * is skipped; invalid UTF-8, a ragged row or an unterminated quote fails with the file and line.
 */
public final class CsvReader {
    private CsvReader() {
    }

    /** Reads {@code path}; {@link InvalidDataException} naming the file and line on malformed input. */
    public static Frame read(Path path, CsvOptions options) throws IOException {
        String source = path.toString();
        try (InputStream in = open(path); Reader reader = utf8(in)) {
            return read(reader, source, options, path);
        } catch (NoSuchFileException e) {
            throw new InvalidDataException(source + ": no such file");
        }
    }

    /** Reads delimited text from {@code reader}; {@code source} names it in errors. */
    public static Frame read(Reader reader, String source, CsvOptions options) throws IOException {
        return read(reader, source, options, null);
    }

    /**
     * Reads from {@code reader}. With a {@code file} to read again, columns are parsed as numbers while
     * they look numeric and only a column that turns out not to be gets its text, the rows before the
     * first non-number read again from the file; without one, every value is kept as text first.
     */
    private static Frame read(Reader reader, String source, CsvOptions options, Path file) throws IOException {
        CsvTokenizer tokenizer = new CsvTokenizer(reader, source, options.delimiter(), options.quote());
        List<String> record = new ArrayList<>();
        try {
            if (!tokenizer.next(record)) {
                throw new InvalidDataException(source + ": empty file, expected a header row");
            }
            List<String> header = checkHeader(record, source);
            int width = header.size();
            CsvColumns columns = new CsvColumns(header, options, file != null);
            for (int count = tokenizer.next(columns); count >= 0; count = tokenizer.next(columns)) {
                if (count != width) {
                    throw new InvalidDataException(source + ":" + tokenizer.recordLine() + ": expected " + width
                            + " fields, found " + count);
                }
                columns.endRow(tokenizer.recordLine());
            }
            if (columns.needsSecondPass()) {
                try (InputStream in = open(file); Reader again = utf8(in)) {
                    columns.secondPass(new CsvTokenizer(again, source, options.delimiter(), options.quote()));
                }
            }
            return columns.toFrame(source);
        } catch (CharacterCodingException e) {
            throw new InvalidDataException(source + ":" + tokenizer.line() + ": invalid UTF-8 byte sequence");
        }
    }

    /** The column names in the header row of {@code path}, without reading the rest. */
    public static List<String> header(Path path, char delimiter) throws IOException {
        String source = path.toString();
        try (InputStream in = open(path); Reader reader = utf8(in)) {
            List<String> record = new ArrayList<>();
            if (!new CsvTokenizer(reader, source, delimiter, '"').next(record)) {
                throw new InvalidDataException(source + ": empty file, expected a header row");
            }
            return checkHeader(record, source);
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
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
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
