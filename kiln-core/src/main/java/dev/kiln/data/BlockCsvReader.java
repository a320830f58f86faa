package dev.kiln.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * Reads a CSV file as bytes in large blocks of whole records, each parsed into typed arrays on a fork/join pool
 * ({@link CsvBlock}), then merged in file order ({@link CsvBlockMerger}). The file streams: the caller's thread
 * reads one block after another (gunzipping {@code .gz}, transcoding another encoding to UTF-8) while at most one
 * block per thread waits for a worker, and no text is held beyond them. The result is the same whatever the number of
 * threads, and the same as the sequential reader's (same kinds, levels in order of first appearance, same errors
 * with file and line). A quoted field that spans lines across a block end is detected by the block's parse; the
 * rest of the file is then read again with a careful split.
 */
final class BlockCsvReader {
    /** The largest block of text handed to one task. */
    static final int BLOCK_BYTES = 4 << 20;
    private static final int MIN_BLOCK_BYTES = 256 << 10;

    /**
     * The block size for {@code path}: about a sixteenth of the file per thread, between 256 kB and 4 MB, so
     * that the blocks waiting for a worker stay a small part of the frame, whatever the file's size ({@code .gz}
     * and unknown sizes get the largest).
     */
    static int blockBytes(Path path, int threads) {
        try {
            if (path.getFileName().toString().endsWith(".gz") || !Files.isRegularFile(path)) {
                return BLOCK_BYTES;
            }
            long size = Files.size(path) / (16L * Math.max(1, threads));
            return (int) Math.max(MIN_BLOCK_BYTES, Math.min(BLOCK_BYTES, size));
        } catch (IOException e) {
            return BLOCK_BYTES;
        }
    }

    private final Path path;
    private final CsvOptions options;
    private final Charset encoding;
    private final int threads;
    private final int blockBytes;
    private final String source;

    BlockCsvReader(Path path, CsvOptions options, Charset encoding, int threads, int blockBytes) {
        Checks.checkArgument(threads >= 1, "threads must be at least 1: %s", threads);
        Checks.checkArgument(blockBytes >= 1, "blockBytes must be positive: %s", blockBytes);
        this.path = path;
        this.options = options;
        this.encoding = encoding;
        this.threads = threads;
        this.blockBytes = blockBytes;
        this.source = path.toString();
    }

    /** Receives each parsed block, in file order. */
    @FunctionalInterface
    interface BlockSink {
        void accept(CsvBlock block) throws IOException;
    }

    /** The whole file as one frame, with the rows skipped under {@code on_error: skip}. */
    CsvRead read() throws IOException {
        Start start = start();
        List<CsvBlock> blocks = new ArrayList<>();
        blocks(start, blocks::add);
        return new CsvBlockMerger(start.format, blocks, start.firstLine, this::bytesAt).merge();
    }

    /** Each block as its own frame, in file order; returns the rows read. Kinds not forced are inferred per block. */
    long stream(CsvReader.ChunkSink sink) throws IOException {
        Start start = start();
        long[] state = {start.firstLine, 0};
        blocks(start, block -> {
            CsvRead one = new CsvBlockMerger(start.format, List.of(block), state[0], (o, n) -> {
                throw new IllegalStateException("a single block needs no second reading");
            }).merge();
            state[0] += block.lines;
            state[1] += block.rows;
            sink.accept(one.frame(), block.offset + block.length);
        });
        return state[1];
    }

    /** The header (or the first record's width), the format every block is read with, and where the records start. */
    private record Start(CsvBlockFormat format, long dataOffset, long firstLine) {
    }

    private Start start() throws IOException {
        try (InputStream in = open(0)) {
            int size = 1 << 16;
            byte[] head = in.readNBytes(size);
            while (true) {
                boolean all = head.length < size;
                CsvRecordScanner scanner = new CsvRecordScanner(head, 0, head.length, all, options.delimiter(),
                        options.quote(), 1 << 16, encoding.name());
                int count = scanner.next();
                boolean complete = all || (count != CsvRecordScanner.END && scanner.position() < head.length);
                if (!complete) {
                    size *= 4;
                    head = concat(head, in.readNBytes(size - head.length));
                    continue;
                }
                return start(scanner, count);
            }
        }
    }

    private Start start(CsvRecordScanner scanner, int count) {
        if (count == CsvRecordScanner.END) {
            throw new InvalidDataException(source + ": empty file, expected a header row");
        }
        if (count == CsvRecordScanner.MALFORMED) {
            throw new InvalidDataException(source + ":" + (scanner.problemLine() + 1) + ": " + scanner.problem());
        }
        if (!options.header()) {
            List<String> names = new ArrayList<>(options.columns());
            if (names.isEmpty()) {
                for (int j = 0; j < count; j++) {
                    names.add("c" + j);
                }
            }
            return new Start(new CsvBlockFormat(source, encoding.name(), names, options), 0, 1);
        }
        List<String> header = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            header.add(scanner.text(j));
        }
        long line = scanner.recordLine() + 1;
        return new Start(new CsvBlockFormat(source, encoding.name(), names(header, line), options),
                scanner.position(), 1 + scanner.lines());
    }

    /** The header's names, stripped; empty or duplicate names fail with the header's line. */
    private List<String> names(List<String> header, long line) {
        Set<String> seen = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (int j = 0; j < header.size(); j++) {
            String name = header.get(j).strip();
            if (name.isEmpty()) {
                throw new InvalidDataException(source + ":" + line + ": header field " + (j + 1) + " is empty, expected a column name");
            }
            if (!seen.add(name)) {
                throw new InvalidDataException(source + ":" + line + ": duplicate column name '" + name + "'");
            }
            names.add(name);
        }
        return names;
    }

    /** Parses the blocks from the start of the records to the end of the input, handing them on in order. */
    private void blocks(Start start, BlockSink sink) throws IOException {
        long offset = start.dataOffset;
        boolean careful = false;
        while (offset >= 0) {
            offset = pass(start.format, offset, careful, sink);
            careful = true;
        }
    }

    /**
     * One pass from byte {@code offset} to the end of the input; returns -1, or the offset of a block that ended
     * inside a quoted field (it and what follows were not handed on, and must be read again carefully).
     */
    private long pass(CsvBlockFormat format, long offset, boolean careful, BlockSink sink) throws IOException {
        ForkJoinPool pool = threads > 1 ? new ForkJoinPool(threads) : null;
        Deque<Future<CsvBlock>> pending = new ArrayDeque<>();
        try (InputStream in = open(offset)) {
            byte[] carry = new byte[0];
            long blockOffset = offset;
            double bytesPerRow = 0;
            boolean end = false;
            while (!end) {
                byte[] buffer = Arrays.copyOf(carry, Math.max(blockBytes, carry.length * 2));
                int limit = carry.length + in.readNBytes(buffer, carry.length, buffer.length - carry.length);
                end = limit < buffer.length;
                if (limit == 0) {
                    break;
                }
                int split = end ? limit : careful ? CsvSplit.careful(buffer, limit, format.delimiter, format.quote)
                        : CsvSplit.quick(buffer, limit);
                if (split <= 0) { // a record longer than the buffer: read on
                    carry = Arrays.copyOf(buffer, limit);
                    continue;
                }
                carry = Arrays.copyOfRange(buffer, split, limit);
                if (bytesPerRow == 0) {
                    bytesPerRow = bytesPerLine(buffer, split);
                }
                int expected = (int) Math.min(Integer.MAX_VALUE - 16, split / bytesPerRow * 1.1 + 16);
                long at = blockOffset;
                boolean last = end;
                byte[] bytes = buffer;
                if (pool == null) {
                    if (!handOn(CsvBlock.parse(format, bytes, 0, split, at, last, expected), careful, sink)) {
                        return at;
                    }
                } else {
                    pending.add(pool.submit(() -> CsvBlock.parse(format, bytes, 0, split, at, last, expected)));
                    while (!pending.isEmpty() && (pending.size() > threads || pending.peekFirst().isDone())) {
                        CsvBlock block = take(pending);
                        if (!handOn(block, careful, sink)) {
                            return block.offset;
                        }
                    }
                }
                blockOffset += split;
            }
            while (!pending.isEmpty()) {
                CsvBlock block = take(pending);
                if (!handOn(block, careful, sink)) {
                    return block.offset;
                }
            }
            return -1;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** Hands {@code block} on unless its split was wrong (false: read again from it). */
    private static boolean handOn(CsvBlock block, boolean careful, BlockSink sink) throws IOException {
        if (block.endedInQuote && !block.last) {
            if (careful) {
                throw new IllegalStateException("a careful split ended inside a quoted field at byte " + block.offset);
            }
            return false;
        }
        sink.accept(block);
        return true;
    }

    private CsvBlock take(Deque<Future<CsvBlock>> pending) throws IOException {
        try {
            return pending.removeFirst().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(source + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(source + ": interrupted");
        }
    }

    private static double bytesPerLine(byte[] bytes, int limit) {
        int lines = 0;
        int n = Math.min(limit, 1 << 16);
        for (int i = 0; i < n; i++) {
            lines += bytes[i] == '\n' ? 1 : 0;
        }
        return Math.max(1.0, (double) n / Math.max(1, lines));
    }

    /** The bytes of a block again (for a column that turned out not to be numeric after it). */
    private byte[] bytesAt(long offset, int length) throws IOException {
        try (InputStream in = open(offset)) {
            return in.readNBytes(length);
        }
    }

    /** The file's text as UTF-8 bytes (byte-order mark skipped), from byte {@code offset} of that text. */
    private InputStream open(long offset) throws IOException {
        InputStream raw;
        try {
            raw = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new InvalidDataException(source + ": no such file");
        }
        InputStream in = raw;
        if (path.getFileName().toString().endsWith(".gz")) {
            in = new java.util.zip.GZIPInputStream(new BufferedInputStream(raw, 1 << 16), 1 << 16);
        }
        if (!encoding.equals(StandardCharsets.UTF_8)) {
            in = new Utf8Transcoder(new BufferedInputStream(in, 1 << 16), encoding);
        } else {
            in = new BufferedInputStream(in, 1 << 16);
            in.mark(3);
            byte[] bom = in.readNBytes(3);
            if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
                in.reset();
            }
        }
        in.skipNBytes(offset);
        return in;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
