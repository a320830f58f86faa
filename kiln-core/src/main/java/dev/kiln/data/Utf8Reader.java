package dev.kiln.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Strict UTF-8 decoding that hands out every character before a malformed byte sequence and only
 * then throws {@link java.nio.charset.CharacterCodingException}, so that the reader's caller knows
 * exactly where the bad bytes are. ({@link java.io.InputStreamReader} throws as soon as its chunk
 * holds one, dropping the characters before it.) Not thread-safe.
 */
final class Utf8Reader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).limit(0);
    private boolean endOfInput;
    private CoderResult error;

    Utf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(target, offset, length);
        while (true) {
            if (error != null) {
                if (out.position() > offset) {
                    break; // the characters before the bad bytes first
                }
                error.throwException();
            }
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                error = result;
            } else if (result.isOverflow() || out.position() > offset) {
                break;
            } else if (endOfInput) {
                return -1;
            } else {
                fill();
            }
        }
        return out.position() - offset;
    }

    /** Reads more bytes after those not yet decoded (at most three: an incomplete sequence). */
    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
