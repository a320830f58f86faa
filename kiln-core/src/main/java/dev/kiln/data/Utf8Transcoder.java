package dev.kiln.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text in another encoding as UTF-8 bytes, so that one byte-level CSV reader serves every encoding. A byte
 * sequence that is not valid in the source encoding comes out as the byte 0xFF, which is never valid UTF-8, so
 * the reader reports (or skips) the row holding it, with its line. Not thread-safe.
 */
final class Utf8Transcoder extends InputStream {
    private final InputStream in;
    private final CharsetDecoder decoder;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer source = ByteBuffer.allocate(1 << 16).limit(0);
    private final CharBuffer chars = CharBuffer.allocate(1 << 16).limit(0);
    private final ByteBuffer out = ByteBuffer.allocate(1 << 18).limit(0);
    private boolean endOfInput;
    private boolean done;

    Utf8Transcoder(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!out.hasRemaining()) {
            if (done) {
                return -1;
            }
            fill();
        }
        int n = Math.min(length, out.remaining());
        out.get(target, offset, n);
        return n;
    }

    private void fill() throws IOException {
        out.clear();
        if (!source.hasRemaining() && !endOfInput) {
            source.compact();
            int n = in.read(source.array(), source.position(), source.remaining());
            endOfInput = n < 0;
            source.position(source.position() + Math.max(0, n));
            source.flip();
        }
        chars.compact(); // keeps a high surrogate whose pair is still to come
        CoderResult result = decoder.decode(source, chars, endOfInput);
        if (result.isUnderflow() && source.hasRemaining() && !endOfInput) { // an incomplete sequence: read more
            source.compact();
            int n = in.read(source.array(), source.position(), source.remaining());
            endOfInput = n < 0;
            source.position(source.position() + Math.max(0, n));
            source.flip();
        }
        chars.flip();
        encoder.encode(chars, out, false);
        if (result.isError()) {
            source.position(source.position() + result.length());
            out.put((byte) 0xFF);
        } else if (endOfInput && !source.hasRemaining() && !chars.hasRemaining()) {
            chars.compact();
            decoder.flush(chars);
            chars.flip();
            encoder.encode(chars, out, true);
            done = true;
        }
        out.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
