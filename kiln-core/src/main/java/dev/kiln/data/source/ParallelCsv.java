package dev.kiln.data.source;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnKind;
import dev.kiln.data.CsvOptions;
import dev.kiln.data.CsvReader;
import dev.kiln.data.Frame;
import dev.kiln.data.InvalidDataException;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TextColumn;
import dev.kiln.data.TimestampColumn;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * Reads a large uncompressed UTF-8 CSV file on several cores with the same result as {@link CsvReader}: the file
 * is split into ranges of whole records ({@link CsvChunks}), each range is read by {@link CsvReader} behind a copy
 * of the header, and the range frames are joined in order. Kinds are settled over the whole file with the
 * sequential reader's rules: a column is numeric, boolean or timestamp only when every range says so (ranges with
 * no value do not vote), and a label column is text or categorical by its distinct values over all rows.
 *
 * <p>Whenever a range fails (bad data) or the ranges cannot be reconciled exactly (a column numeric in one range
 * and text in another), the file is read again sequentially, so errors and results are always the sequential
 * reader's. Peak memory is the frame's arrays twice (range frames, then the joined one) plus the text of the
 * ranges being parsed.
 */
final class ParallelCsv {
    /** Below this size a file is read sequentially. */
    static final long MIN_BYTES = 8L << 20;
    private static final int CHUNK_BYTES = 1 << 20;

    private ParallelCsv() {
    }

    /** The frame of {@code file}, as {@link CsvReader#read(Path, CsvOptions)} gives it. */
    static Frame read(Path file, CsvOptions options, int threads) throws IOException {
        return read(file, options, threads, MIN_BYTES, CHUNK_BYTES);
    }

    /** As {@link #read(Path, CsvOptions, int)} with the size thresholds given (tests use small ones). */
    static Frame read(Path file, CsvOptions options, int threads, long minBytes, int chunkBytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (threads < 2 || size < minBytes || size > Integer.MAX_VALUE) {
                return CsvReader.read(file, options);
            }
            MappedByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            int target = chunkBytes; // small ranges: their text dies young, so collections stay cheap
            CsvChunks.Split split = CsvChunks.split(bytes, options.delimiter(), options.quote(), target);
            Frame frame = split == null || split.chunks().isEmpty() ? null : readChunks(bytes, split, file.toString(), options, threads);
            return frame != null ? frame : CsvReader.read(file, options);
        }
    }

    private static Frame readChunks(MappedByteBuffer bytes, CsvChunks.Split split, String source, CsvOptions options,
                                    int threads) throws IOException {
        byte[] header = new byte[split.headerEnd() - split.headerStart()];
        bytes.slice(split.headerStart(), header.length).get(header);
        List<Callable<Frame>> tasks = new ArrayList<>();
        for (CsvChunks.Chunk chunk : split.chunks()) {
            ByteBuffer range = bytes.slice(chunk.start(), chunk.end() - chunk.start());
            tasks.add(() -> readChunk(header, range, source, options));
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            List<Frame> frames = new ArrayList<>();
            for (Future<Frame> future : pool.invokeAll(tasks)) {
                frames.add(future.get());
            }
            return join(frames);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InvalidDataException || e.getCause() instanceof UncheckedIOException) {
                return null; // read again sequentially for the exact message
            }
            throw new IOException(source + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(source + ": interrupted");
        } finally {
            pool.shutdown();
        }
    }

    private static Frame readChunk(byte[] header, ByteBuffer range, String source, CsvOptions options) {
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(header), new BufferInputStream(range));
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            return CsvReader.read(reader, source, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The range frames as one, or null when a column's kinds cannot be reconciled exactly. */
    private static Frame join(List<Frame> frames) {
        Frame first = frames.get(0);
        List<List<Column>> columns = new ArrayList<>();
        for (int j = 0; j < first.columnCount(); j++) {
            List<Column> parts = new ArrayList<>();
            for (Frame frame : frames) {
                parts.add(frame.columns().get(j));
            }
            List<Column> settled = settle(parts);
            if (settled == null) {
                return null;
            }
            columns.add(settled);
        }
        List<Frame> reconciled = new ArrayList<>();
        for (int f = 0; f < frames.size(); f++) {
            List<Column> row = new ArrayList<>();
            for (List<Column> parts : columns) {
                row.add(parts.set(f, null)); // hand each part over once, so the ranges can be freed as they are joined
            }
            reconciled.add(Frame.of(row));
        }
        return FrameConcat.concat(reconciled, Collections.nCopies(reconciled.size(), "range"));
    }

    /** One column's parts, all of the kind the whole column has; null when that needs the raw text again. */
    private static List<Column> settle(List<Column> parts) {
        Set<ColumnKind> kinds = new HashSet<>();
        for (Column part : parts) {
            if (part.missingCount() < part.size()) {
                kinds.add(part.kind());
            }
        }
        ColumnKind kind;
        if (kinds.isEmpty()) {
            kind = ColumnKind.NUMERIC;
        } else if (kinds.size() == 1 && kinds.iterator().next() != ColumnKind.CATEGORICAL && kinds.iterator().next() != ColumnKind.TEXT) {
            kind = kinds.iterator().next();
        } else if (ColumnKind.CATEGORICAL.equals(only(kinds, ColumnKind.TEXT))) {
            kind = labelKind(parts);
        } else {
            return null;
        }
        List<Column> out = new ArrayList<>(parts.size());
        for (Column part : parts) {
            out.add(convert(part, kind));
        }
        return out;
    }

    /** CATEGORICAL when {@code kinds} holds only categorical and text; null otherwise. */
    private static ColumnKind only(Set<ColumnKind> kinds, ColumnKind text) {
        for (ColumnKind k : kinds) {
            if (k != ColumnKind.CATEGORICAL && k != text) {
                return null;
            }
        }
        return ColumnKind.CATEGORICAL;
    }

    /** Text when more than 50 distinct values make up more than half of the values, as the sequential reader decides. */
    private static ColumnKind labelKind(List<Column> parts) {
        Set<String> distinct = new HashSet<>();
        long present = 0;
        for (Column part : parts) {
            present += part.size() - part.missingCount();
            if (part instanceof CategoricalColumn c) {
                distinct.addAll(c.levels());
            } else if (part instanceof TextColumn t) {
                for (int i = 0; i < t.size(); i++) {
                    if (t.get(i) != null) {
                        distinct.add(t.get(i));
                    }
                }
            }
        }
        return distinct.size() > 50 && distinct.size() * 2L > present ? ColumnKind.TEXT : ColumnKind.CATEGORICAL;
    }

    private static Column convert(Column part, ColumnKind kind) {
        if (part.kind() == kind) {
            return part;
        }
        int n = part.size();
        String name = part.name();
        if (part.missingCount() == n) { // a range without values: missing in the column's kind
            return switch (kind) {
                case NUMERIC -> NumericColumn.of(name, filled(n));
                case BOOLEAN -> CategoricalColumn.ofBooleans(name, codes(n));
                case CATEGORICAL -> CategoricalColumn.of(name, codes(n), List.of());
                case TIMESTAMP -> TimestampColumn.of(name, times(n));
                case TEXT -> TextColumn.of(name, new String[n]);
            };
        }
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = part.format(i);
        }
        return kind == ColumnKind.TEXT ? TextColumn.of(name, labels) : CategoricalColumn.ofLabels(name, labels);
    }

    private static double[] filled(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    private static int[] codes(int n) {
        int[] v = new int[n];
        java.util.Arrays.fill(v, CategoricalColumn.MISSING);
        return v;
    }

    private static long[] times(int n) {
        long[] v = new long[n];
        java.util.Arrays.fill(v, TimestampColumn.MISSING);
        return v;
    }

    /** An input stream over a byte buffer's remaining bytes. */
    private static final class BufferInputStream extends InputStream {
        private final ByteBuffer buffer;

        BufferInputStream(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public int read() {
            return buffer.hasRemaining() ? buffer.get() & 0xFF : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (!buffer.hasRemaining()) {
                return -1;
            }
            int n = Math.min(length, buffer.remaining());
            buffer.get(target, offset, n);
            return n;
        }
    }
}
