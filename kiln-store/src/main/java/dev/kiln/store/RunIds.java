package dev.kiln.store;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Run ids that sort by start time and stay unique within one millisecond:
 * {@code yyyyMMdd-HHmmss-SSS-} (UTC) followed by 10 random base-36 characters (about 51 bits).
 */
final class RunIds {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int SUFFIX_LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    static String next(Instant started) {
        var id = new StringBuilder(TIME.format(started)).append('-');
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
