package dev.kiln.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A dictionary of byte strings (the UTF-8 bytes of labels) numbered in order of first appearance, so that a
 * CSV reader can turn labels into codes without making a String per value: open addressing over the keys'
 * hashes, the keys' bytes in one growing arena. Not thread-safe; each block of a file has its own.
 */
final class ByteDictionary {
    private byte[] arena = new byte[1 << 10];
    private int arenaLength;
    private int[] offsets = new int[16];
    private int[] lengths = new int[16];
    private int[] hashes = new int[16];
    private int size;
    /** Slot to code + 1; 0 marks an empty slot. */
    private int[] slots = new int[32];

    /** How many distinct keys have been seen. */
    int size() {
        return size;
    }

    /** The code of {@code bytes[start, end)}, adding it as the next code when it is new. */
    int intern(byte[] bytes, int start, int end) {
        int hash = hash(bytes, start, end);
        int mask = slots.length - 1;
        int length = end - start;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                return add(bytes, start, length, hash, slot);
            }
            int code = entry - 1;
            if (hashes[code] == hash && lengths[code] == length
                    && Arrays.equals(arena, offsets[code], offsets[code] + length, bytes, start, end)) {
                return code;
            }
        }
    }

    private int add(byte[] bytes, int start, int length, int hash, int slot) {
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, size * 2);
            lengths = Arrays.copyOf(lengths, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        if (arenaLength + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaLength + length));
        }
        System.arraycopy(bytes, start, arena, arenaLength, length);
        int code = size++;
        offsets[code] = arenaLength;
        lengths[code] = length;
        hashes[code] = hash;
        arenaLength += length;
        slots[slot] = code + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return code;
    }

    private void rehash() {
        int[] grown = new int[slots.length * 2];
        int mask = grown.length - 1;
        for (int code = 0; code < size; code++) {
            int slot = hashes[code] & mask;
            while (grown[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            grown[slot] = code + 1;
        }
        slots = grown;
    }

    /** The codes of this dictionary's keys in {@code target}, interning each there in this dictionary's order. */
    int[] internAllInto(ByteDictionary target) {
        int[] mapping = new int[size];
        for (int code = 0; code < size; code++) {
            mapping[code] = target.intern(arena, offsets[code], offsets[code] + lengths[code]);
        }
        return mapping;
    }

    /** The keys decoded from UTF-8 (validated when they were read), in code order. */
    List<String> labels() {
        List<String> out = new ArrayList<>(size);
        for (int code = 0; code < size; code++) {
            out.add(new String(arena, offsets[code], lengths[code], StandardCharsets.UTF_8));
        }
        return out;
    }

    private static int hash(byte[] bytes, int start, int end) {
        int h = 0x811C9DC5;
        for (int i = start; i < end; i++) {
            h = (h ^ bytes[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
