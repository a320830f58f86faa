package dev.kiln.explore;

import dev.kiln.data.CategoricalColumn;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.NumericColumn;
import dev.kiln.data.TextColumn;
import dev.kiln.data.TimestampColumn;
import java.util.Arrays;

/**
 * Counts rows that repeat an earlier row in every column, by a 64-bit hash of each row (the chance of a
 * false match among a million rows is about 3·10⁻⁸). One pass per column and one primitive sort. Stateless.
 */
final class DuplicateRows {
    private DuplicateRows() {
    }

    static int count(Frame frame) {
        int n = frame.rowCount();
        if (n == 0 || frame.columnCount() == 0) {
            return 0;
        }
        long[] hashes = new long[n];
        for (Column column : frame.columns()) {
            long[] levelHashes = column instanceof CategoricalColumn c ? levelHashes(c) : null;
            for (int i = 0; i < n; i++) {
                hashes[i] = mix(hashes[i] * 31 + valueHash(column, levelHashes, i));
            }
        }
        Arrays.sort(hashes);
        int duplicates = 0;
        for (int i = 1; i < n; i++) {
            duplicates += hashes[i] == hashes[i - 1] ? 1 : 0;
        }
        return duplicates;
    }

    private static long[] levelHashes(CategoricalColumn c) {
        long[] out = new long[c.levels().size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = mix(c.levels().get(k).hashCode() + 0x9E3779B97F4A7C15L);
        }
        return out;
    }

    private static long valueHash(Column column, long[] levelHashes, int row) {
        if (column instanceof NumericColumn n) {
            double v = n.get(row);
            return Double.isNaN(v) ? 0x7ff8000000000000L : Double.doubleToLongBits(v == 0.0 ? 0.0 : v);
        }
        if (column instanceof CategoricalColumn c) {
            return c.code(row) < 0 ? 17 : levelHashes[c.code(row)];
        }
        if (column instanceof TimestampColumn t) {
            return t.get(row);
        }
        String text = ((TextColumn) column).get(row);
        return text == null ? 19 : mix(text.hashCode());
    }

    /** The finaliser of SplitMix64: spreads every input bit over the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
