package dev.kiln.bundle;

import dev.kiln.data.BinaryArrays;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Large arrays of a bundle as little-endian binary files under {@code arrays/}: {@code NNNN.f64}
 * for doubles, {@code NNNN.i32} for ints. The reference kept in JSON is the file's path in the bundle.
 */
final class FileArrays implements BinaryArrays {
    static final String FOLDER = "arrays";

    private final Path bundle;
    private int next;

    FileArrays(Path bundle) {
        this.bundle = bundle;
    }

    @Override
    public String putDoubles(double[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asDoubleBuffer().put(values);
        return write(buffer.array(), "f64");
    }

    @Override
    public String putInts(int[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asIntBuffer().put(values);
        return write(buffer.array(), "i32");
    }

    @Override
    public double[] doubles(String reference) {
        ByteBuffer buffer = read(reference, ".f64", Double.BYTES);
        double[] out = new double[buffer.remaining() / Double.BYTES];
        buffer.asDoubleBuffer().get(out);
        return out;
    }

    @Override
    public int[] ints(String reference) {
        ByteBuffer buffer = read(reference, ".i32", Integer.BYTES);
        int[] out = new int[buffer.remaining() / Integer.BYTES];
        buffer.asIntBuffer().get(out);
        return out;
    }

    private String write(byte[] bytes, String extension) {
        String reference = FOLDER + "/" + String.format(Locale.ROOT, "%04d.%s", next++, extension);
        try {
            Files.createDirectories(bundle.resolve(FOLDER));
            Files.write(bundle.resolve(reference), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reference;
    }

    private ByteBuffer read(String reference, String extension, int width) {
        if (!reference.matches(FOLDER + "/[0-9]{4,}\\" + extension)) {
            throw new IllegalArgumentException("bad array reference '" + reference + "', expected " + FOLDER + "/NNNN" + extension);
        }
        try {
            byte[] bytes = Files.readAllBytes(bundle.resolve(reference));
            if (bytes.length % width != 0) {
                throw new IllegalArgumentException("array file '" + reference + "' has " + bytes.length + " bytes, not a multiple of " + width);
            }
            return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read array file '" + reference + "': " + e.getMessage(), e);
        }
    }
}
