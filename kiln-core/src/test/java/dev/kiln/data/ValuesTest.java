package dev.kiln.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast path of number parsing gives exactly what {@link Double#parseDouble} gives, and rejects what it must. */
class ValuesTest {
    @Test
    void shortDecimalsParseExactlyAsTheJdkDoes() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            int digits = 1 + random.nextInt(15);
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
            int point = random.nextInt(digits + 1);
            for (int d = 0; d < digits; d++) {
                if (d == point) {
                    text.append('.');
                }
                text.append((char) ('0' + random.nextInt(10)));
            }
            String s = text.toString();
            assertThat(Double.doubleToRawLongBits(Values.parseNumber(s))).as(s).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
        }
        for (String s : new String[] {"0", "-0", "+5", "1.", ".5", "-.5", "123456789012345", "1234567890123456", "0.1", "2.5e3",
                "1e-300", "999999999999999.9"}) {
            assertThat(Double.doubleToRawLongBits(Values.parseNumber(s))).as(s).isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
        }
        for (String s : new String[] {"", ".", "-", "+", "1.2.3", "--1", "1-", "1d", "0x10", "NaN", "Infinity", " 1", "1 ", "1,5"}) {
            assertThat(Values.parseNumber(s)).as(s).isNaN();
        }
    }
}
