package dev.kiln.data;

import java.nio.charset.StandardCharsets;

/**
 * Checks of UTF-8 byte sequences as strict as the JDK's decoder: no overlong forms, no surrogates, nothing above
 * U+10FFFF, no truncated sequence. Stateless.
 */
final class Utf8 {
    private Utf8() {
    }

    /** The length of the well-formed sequence starting at {@code bytes[p]} (a byte outside ASCII), or -1. */
    static int sequenceLength(byte[] bytes, int p, int end) {
        int b0 = bytes[p] & 0xFF;
        int n;
        int low = 0x80;
        int high = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            n = 2;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            n = 3;
            low = b0 == 0xE0 ? 0xA0 : 0x80;
            high = b0 == 0xED ? 0x9F : 0xBF;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            n = 4;
            low = b0 == 0xF0 ? 0x90 : 0x80;
            high = b0 == 0xF4 ? 0x8F : 0xBF;
        } else {
            return -1;
        }
        if (p + n > end) {
            return -1;
        }
        int b1 = bytes[p + 1] & 0xFF;
        if (b1 < low || b1 > high) {
            return -1;
        }
        for (int k = 2; k < n; k++) {
            int b = bytes[p + k] & 0xFF;
            if (b < 0x80 || b > 0xBF) {
                return -1;
            }
        }
        return n;
    }

    /** The character starting at {@code bytes[p]}, for messages (U+FFFD when it is not well-formed). */
    static char characterAt(byte[] bytes, int p, int end) {
        if (bytes[p] >= 0) {
            return (char) bytes[p];
        }
        int n = sequenceLength(bytes, p, end);
        return n < 0 ? '\uFFFD' : new String(bytes, p, n, StandardCharsets.UTF_8).charAt(0);
    }
}
