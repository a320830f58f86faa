package dev.kiln.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The byte scanner of one-record bodies against the streaming parse it stands in for: on every body it takes, the
 * same raw row bit for bit and the same texts; it takes the common bodies; and on thousands of mutated bodies it
 * never takes one the streaming parse declines.
 */
class FlatRecordScannerTest {
    private static RecordPredictor records;

    @BeforeAll
    static void load() {
        records = new ServedModel("gbm", 1, ToyModels.classifier("gbm", "gbm", Map.of("trees", "5", "max_depth", "2")), 100)
                .records();
    }

    private static void assertSameAsTheStreamingParse(String body, boolean mustTake) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        RecordPredictor.RawRow scanned = records.read(bytes, true);
        RecordPredictor.RawRow parsed = records.read(bytes, false);
        if (mustTake) {
            assertThat(scanned).as("scanner takes %s", body).isNotNull();
        }
        if (scanned == null) {
            return;
        }
        assertThat(parsed).as("the streaming parse takes what the scanner took: %s", body).isNotNull();
        for (int s = 0; s < parsed.row().length; s++) {
            assertThat(Double.doubleToRawLongBits(scanned.row()[s])).as("slot %s of %s", s, body)
                    .isEqualTo(Double.doubleToRawLongBits(parsed.row()[s]));
        }
        assertThat(scanned.texts()).as(body).containsExactly(parsed.texts());
    }

    private static List<String> numbers(SplittableRandom random) {
        List<String> out = new ArrayList<>(List.of("0", "-0", "0.0", "-0.0", "7", "-12", "1e5", "1E-5", "2.5e+3", "0.1", "123456789012345",
                "0.000001", "99.99", "1e22", "1e-22", "5e-324", "1.7976931348623157e308", "123456789012345678", "1e23", "3.0e-23",
                "12345678901234567890123", "-98765432109876543210", "0.1000000000000000055511151231257827", "1e400", "-1e-400"));
        for (int i = 0; i < 300; i++) {
            double v = random.nextDouble(-1000, 1000) * Math.pow(10, random.nextInt(-8, 8));
            out.add(switch (i % 5) {
                case 0 -> Double.toString(v);
                case 1 -> String.format(Locale.ROOT, "%.3f", v);
                case 2 -> String.format(Locale.ROOT, "%.6e", v);
                case 3 -> Long.toString((long) v);
                default -> String.format(Locale.ROOT, "%.17g", v);
            });
        }
        return out;
    }

    @Test
    void takesTheCommonBodiesAndReadsThemBitForBitAsTheStreamingParse() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        String[] colours = {"\"red\"", "\"green\"", "\"blue\"", "\"purple\"", "\"ünïcode\"", "null", "\"\""};
        for (String number : numbers(random)) {
            String colour = colours[random.nextInt(colours.length)];
            assertSameAsTheStreamingParse("{\"size\": " + number + ", \"colour\": " + colour + "}", !number.equals("1e400"));
            assertSameAsTheStreamingParse(" {\n\"colour\":" + colour + ",\t\"size\":" + number + ",\"id\":\"x-1\"}\r\n", false);
        }
        assertSameAsTheStreamingParse("{\"size\": null, \"colour\": null, \"id\": 3}", true);
    }

    @Test
    void neverTakesABodyTheStreamingParseDeclines() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        String[] seeds = {"{\"size\": 7.25, \"colour\": \"blue\"}", "{\"colour\": \"red\", \"size\": -0.5e-3, \"id\": true}",
                "{\"size\": 12, \"colour\": \"green\", \"id\": null}"};
        String alphabet = "{}[]\":,.-+eE0123456789 \\untrlfasx\u00e9\u0001";
        int taken = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder body = new StringBuilder(seeds[random.nextInt(seeds.length)]);
            for (int m = random.nextInt(1, 4); m > 0; m--) {
                int at = random.nextInt(body.length());
                switch (random.nextInt(3)) {
                    case 0 -> body.deleteCharAt(at);
                    case 1 -> body.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> body.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(20) == 0) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(0x80, 0x100); // broken UTF-8 too
            }
            RecordPredictor.RawRow scanned = records.read(bytes, true);
            if (scanned != null) {
                taken++;
                assertSameAsTheStreamingParse(new String(bytes, StandardCharsets.UTF_8), false);
                assertThat(records.read(bytes, false)).as(body.toString()).isNotNull();
            }
        }
        assertThat(taken).as("some mutations stay valid records").isGreaterThan(100);
    }
}
