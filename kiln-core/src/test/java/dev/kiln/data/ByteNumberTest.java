package dev.kiln.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ByteNumber} means exactly what {@link Values#parseNumber} means, bit for bit, over bytes and over characters. */
class ByteNumberTest {
    private static void assertSameAsValues(String text) {
        double reference = Values.parseNumber(text);
        char[] padded = ("x," + text + ",y").toCharArray();
        double fromChars = new ByteNumber().parse(padded, 2, 2 + text.length());
        assertThat(Double.doubleToRawLongBits(fromChars)).as("chars '%s': %s vs %s", text, fromChars, reference)
                .isEqualTo(Double.doubleToRawLongBits(reference));
        byte[] bytes = ("x," + text + ",y").getBytes(StandardCharsets.UTF_8);
        double fromBytes = new ByteNumber().parse(bytes, 2, bytes.length - 2);
        assertThat(Double.doubleToRawLongBits(fromBytes)).as("bytes '%s': %s vs %s", text, fromBytes, reference)
                .isEqualTo(Double.doubleToRawLongBits(reference));
    }

    @Test
    void edgeCasesMatch() {
        for (String text : List.of("0", "-0", "+0", "0.0", "-0.0", "1", "-1", "+7", "007", "1.", ".5", "-.5", "1e5", "1E-5",
                "1e+5", "1.5e300", "1e-320", "1e400", "-1e400", "123456789012345", "1234567890123456789",
                "0.000000000000000000000000123", "9007199254740993", "1e22", "1e23", "1e-22", "1e-23", "3.14159",
                "1e", "e5", "-", "+", ".", "..", "1.2.3", "1e5e5", "--1", "1-", "NaN", "Infinity", "0x10", "1d", "1f",
                " 1", "1 ", "abc", "1,5", "12345e-4", "99999999999999.9", "0.1", "0.2", "0.3", "2.5e-05", "1e00001", "١٢", "1é", "0.1234567890123456789012345")) {
            assertSameAsValues(text);
        }
    }

    @Test
    void randomNumbersInManyFormatsMatch() {
        Random random = new Random(3);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            double v = random.nextGaussian() * Math.pow(10, random.nextInt(30) - 15);
            texts.add(String.format(Locale.ROOT, "%.7g", v));
            texts.add(String.format(Locale.ROOT, "%." + random.nextInt(18) + "f", v));
            texts.add(String.format(Locale.ROOT, "%.12e", v));
            texts.add(Double.toString(v));
            texts.add(Long.toString(random.nextLong() >> random.nextInt(64)));
        }
        texts.forEach(ByteNumberTest::assertSameAsValues);
    }

    /**
     * Where {@link ByteNumber#scan} takes a number it stops right after it, and what it read is what
     * {@link Values#parseNumber} makes of those bytes; at the end of the array too.
     */
    private static void assertScanAgrees(String text) {
        for (String tail : List.of("", ",y", "\n", "x", "5")) {
            byte[] bytes = ("x," + text + tail).getBytes(StandardCharsets.UTF_8);
            int end = bytes.length - (tail.equals("5") ? 1 : 0); // a digit after the range's end is not read
            double[] out = {Double.MIN_VALUE};
            int stop = ByteNumber.scan(bytes, 2, end, out, 0);
            if (stop < 0) {
                assertThat(out[0]).isEqualTo(Double.MIN_VALUE);
                continue;
            }
            assertThat(stop).as("'%s' + '%s'", text, tail).isBetween(3, end);
            double reference = Values.parseNumber(new String(bytes, 2, stop - 2, StandardCharsets.UTF_8));
            assertThat(Double.doubleToRawLongBits(out[0])).as("'%s' + '%s': %s vs %s", text, tail, out[0], reference)
                    .isEqualTo(Double.doubleToRawLongBits(reference));
        }
    }

    @Test
    void scanStopsAfterTheNumberAndReadsWhatParseReads() {
        List<String> texts = new ArrayList<>(List.of("0", "-0", "+0", "1.", ".5", "-.5", "1e5", "1E-5", "1e+5", "1e",
                "1e+", "e5", "-", ".", "1.2.3", "1e5e5", "1e00001", "1e0001", "0e400", "1e400", "1e-23", "1,5", "1é",
                "123456789012345678", "1234567890123456789", "9007199254740993", "0.0000000000000000001", "-0.853729"));
        Random random = new Random(5);
        for (int i = 0; i < 5_000; i++) {
            double v = random.nextGaussian() * Math.pow(10, random.nextInt(30) - 15);
            texts.add(String.format(Locale.ROOT, "%." + random.nextInt(18) + "f", v));
            texts.add(Double.toString(v));
        }
        texts.forEach(ByteNumberTest::assertScanAgrees);
    }

    /** The numbers a CSV file mostly holds are read by the one-pass scan, not sent to the slow path. */
    @Test
    void scanTakesPlainNumbersWhole() {
        for (String text : List.of("0", "-0", "1.", ".5", "-.5", "1e5", "2.5e-05", "3.14159", "-0.853729", "42",
                "123456789012345", "1234567890123456", "0.3000000000000004")) {
            byte[] bytes = (text + ",").getBytes(StandardCharsets.UTF_8);
            double[] out = new double[1];
            assertThat(ByteNumber.scan(bytes, 0, bytes.length, out, 0)).as(text).isEqualTo(text.length());
            assertThat(out[0]).isEqualTo(Double.parseDouble(text));
        }
    }
}
