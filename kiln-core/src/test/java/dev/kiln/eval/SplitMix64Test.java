package dev.kiln.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitMix64Test {

    @Test
    void firstOutputForSeedZeroMatchesTheReferenceImplementation() {
        // splitmix64.c (Vigna, prng.di.unimi.it) seeded with x = 0 first returns 0xe220a8397b1dcdaf
        assertThat(new SplitMix64(0).nextLong()).isEqualTo(0xe220a8397b1dcdafL);
    }

    @Test
    void matchesSplittableRandomForTheSameSeed() {
        for (long seed : new long[] {0, 1, 42, -7, Long.MAX_VALUE}) {
            SplitMix64 ours = new SplitMix64(seed);
            SplittableRandom jdk = new SplittableRandom(seed);
            for (int i = 0; i < 100; i++) {
                assertThat(ours.nextLong()).isEqualTo(jdk.nextLong());
            }
        }
    }

    @Test
    void nextIntStaysInBoundsAndCoversThem() {
        SplitMix64 random = new SplitMix64(3);
        int[] seen = new int[7];
        for (int i = 0; i < 7000; i++) {
            int value = random.nextInt(7);
            assertThat(value).isBetween(0, 6);
            seen[value]++;
        }
        for (int count : seen) {
            assertThat(count).isBetween(800, 1200);
        }
    }
}
