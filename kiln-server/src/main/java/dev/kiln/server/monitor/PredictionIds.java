package dev.kiln.server.monitor;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prediction ids: a random prefix drawn when the server starts (8 base-32 characters, 40 bits) and a counter, so
 * that ids are unique across restarts and servers sharing a store, and a batch's rows get consecutive ids.
 * Thread-safe; one atomic add per request.
 */
final class PredictionIds {
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private final String prefix;
    private final AtomicLong next = new AtomicLong(1);

    PredictionIds() {
        SecureRandom random = new SecureRandom();
        char[] chars = new char[8];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        this.prefix = new String(chars) + "-";
    }

    /** Reserves {@code rows} consecutive numbers and returns the first. */
    long reserve(int rows) {
        return next.getAndAdd(rows);
    }

    /** The prefix every id of this server starts with (its dash included). */
    String prefix() {
        return prefix;
    }

    String id(long number) {
        return prefix + number;
    }

    /** The id of row {@code row} of a request whose first id is {@code first}, or null when it is not one of ours. */
    static String rowId(String first, int row) {
        int dash = first.lastIndexOf('-');
        long number = Long.parseLong(first.substring(dash + 1));
        return first.substring(0, dash + 1) + (number + row);
    }
}
