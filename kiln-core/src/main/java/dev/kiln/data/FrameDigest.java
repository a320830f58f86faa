package dev.kiln.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The content hash of a {@link Frame}: SHA-256 over a canonical binary encoding, as lower-case hex. Two frames
 * have the same hash exactly when they are {@link Frame#equals equal} (same column names, order, kinds,
 * categorical levels and values), whatever file format they came from or are stored in; this is the id of a
 * dataset snapshot.
 *
 * <p>Encoding (all integers big-endian): the tag {@code kiln-frame-v1}, the row count (int64) and column count
 * (int32); then per column its name and kind label as strings, and
 * <ul>
 *   <li>numeric: each value's IEEE-754 bits (int64), every NaN (missing) as the canonical NaN;</li>
 *   <li>categorical and boolean: the level count (int32) and each level as a string, then each code (int32, -1
 *       missing);</li>
 *   <li>timestamp: each value in epoch milliseconds (int64, {@link TimestampColumn#MISSING} missing);</li>
 *   <li>text: each value as a string, a missing value as length -1.</li>
 * </ul>
 * A string is its UTF-8 length (int32) then its bytes. Thread-safe; O(cells), streaming through a 64 KiB buffer.
 */
public final class FrameDigest {
    private static final int BUFFER = 1 << 16;

    private final MessageDigest digest;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER).order(ByteOrder.BIG_ENDIAN);

    private FrameDigest() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The SHA-256 of {@code frame}'s canonical encoding, as 64 lower-case hex digits. */
    public static String sha256(Frame frame) {
        FrameDigest d = new FrameDigest();
        d.string("kiln-frame-v1");
        d.room(12);
        d.buffer.putLong(frame.rowCount()).putInt(frame.columnCount());
        for (Column column : frame.columns()) {
            d.column(column);
        }
        d.flush();
        return HexFormat.of().formatHex(d.digest.digest());
    }

    private void column(Column column) {
        string(column.name());
        string(column.kind().label());
        int n = column.size();
        if (column instanceof NumericColumn c) {
            for (int i = 0; i < n; i++) {
                room(8);
                buffer.putLong(Double.doubleToLongBits(c.get(i)));
            }
        } else if (column instanceof CategoricalColumn c) {
            List<String> levels = c.levels();
            room(4);
            buffer.putInt(levels.size());
            levels.forEach(this::string);
            for (int i = 0; i < n; i++) {
                room(4);
                buffer.putInt(c.code(i));
            }
        } else if (column instanceof TimestampColumn c) {
            for (int i = 0; i < n; i++) {
                room(8);
                buffer.putLong(c.get(i));
            }
        } else if (column instanceof TextColumn c) {
            for (int i = 0; i < n; i++) {
                string(c.get(i));
            }
        }
    }

    private void string(String s) {
        if (s == null) {
            room(4);
            buffer.putInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        room(4);
        buffer.putInt(bytes.length);
        if (bytes.length > buffer.remaining()) {
            flush();
            digest.update(bytes);
        } else {
            buffer.put(bytes);
        }
    }

    private void room(int bytes) {
        if (buffer.remaining() < bytes) {
            flush();
        }
    }

    private void flush() {
        digest.update(buffer.array(), 0, buffer.position());
        buffer.clear();
    }
}
