package dev.kiln.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitterTest {

    private static void assertDisjointSortedCover(Split split, int rows) {
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.validation())),
                Arrays.stream(split.test())).sorted().toArray();
        assertThat(all).isEqualTo(IntStream.range(0, rows).toArray());
        for (int[] part : new int[][] {split.train(), split.validation(), split.test()}) {
            assertThat(part).isSorted();
        }
    }

    @Test
    void holdoutSizesAreRoundedShares() {
        Split split = Splitter.holdout(10, 0.2, 0.3, 1);
        assertThat(split.test()).hasSize(3);
        assertThat(split.validation()).hasSize(2);
        assertThat(split.train()).hasSize(5);
        assertDisjointSortedCover(split, 10);
    }

    @Test
    void holdoutCoversLargerInputsAndShuffles() {
        Split split = Splitter.holdout(1001, 0.15, 0.25, 99);
        assertThat(split.test()).hasSize(250); // round(250.25)
        assertThat(split.validation()).hasSize(150); // round(150.15)
        assertDisjointSortedCover(split, 1001);
        assertThat(split.test()).isNotEqualTo(IntStream.range(0, 250).toArray());
    }

    @Test
    void zeroValidationFractionGivesAnEmptyValidationPart() {
        Split split = Splitter.holdout(20, 0.0, 0.25, 5);
        assertThat(split.validation()).isEmpty();
        assertThat(split.test()).hasSize(5);
        assertDisjointSortedCover(split, 20);
    }

    @Test
    void sameSeedGivesTheSameSplitAndAnotherSeedADifferentOne() {
        assertThat(Splitter.holdout(100, 0.1, 0.2, 7)).isEqualTo(Splitter.holdout(100, 0.1, 0.2, 7));
        assertThat(Splitter.holdout(100, 0.1, 0.2, 7)).isNotEqualTo(Splitter.holdout(100, 0.1, 0.2, 8));
        int[] classes = IntStream.range(0, 100).map(i -> i % 3).toArray();
        assertThat(Splitter.stratified(classes, 3, 0.1, 0.2, 7))
                .isEqualTo(Splitter.stratified(classes, 3, 0.1, 0.2, 7));
    }

    @Test
    void holdoutIsPinnedForASeed() {
        // Pins the shuffle so that any change to it (and so to every saved split) is noticed. Checked against a
        // separate Python transcription of splitmix64.c, the 31-bit rejection bound and a Fisher-Yates pass from
        // the last index down: permutation [6, 9, 0, 4, 2, 7, 5, 3, 8, 1] -> test {6, 9}, validation {0, 4}.
        Split split = Splitter.holdout(10, 0.2, 0.2, 42);
        assertThat(split).isEqualTo(Splitter.holdout(10, 0.2, 0.2, 42));
        assertThat(split.test()).containsExactly(6, 9);
        assertThat(split.validation()).containsExactly(0, 4);
    }

    @Test
    void stratifiedKeepsClassProportionsInEveryPart() {
        // 60 rows of class 0, 30 of class 1, 10 of class 2; 20% validation, 20% test per class
        int[] classes = new int[100];
        for (int i = 0; i < 100; i++) {
            classes[i] = i % 10 == 0 ? 2 : (i % 10 < 4 ? 1 : 0);
        }
        Split split = Splitter.stratified(classes, 3, 0.2, 0.2, 11);
        assertDisjointSortedCover(split, 100);
        assertThat(classCounts(split.test(), classes)).containsExactly(12, 6, 2);
        assertThat(classCounts(split.validation(), classes)).containsExactly(12, 6, 2);
        assertThat(classCounts(split.train(), classes)).containsExactly(36, 18, 6);
    }

    @Test
    void stratifiedPutsASmallClassInEveryPart() {
        // class 1 has 3 rows: round(0.3) = 0, raised to one row in each of validation and test
        int[] classes = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0};
        Split split = Splitter.stratified(classes, 2, 0.1, 0.1, 3);
        assertThat(classCounts(split.test(), classes)).containsExactly(2, 1);
        assertThat(classCounts(split.validation(), classes)).containsExactly(2, 1);
        assertThat(classCounts(split.train(), classes)).containsExactly(13, 1);
    }

    @Test
    void partSizesLeaveATrainingRowAndHandleTinyClasses() {
        assertThat(Splitter.partSizes(0, 0.2, 0.2)).containsExactly(0, 0);
        assertThat(Splitter.partSizes(1, 0.4, 0.4)).containsExactly(0, 0); // too few rows: all training
        assertThat(Splitter.partSizes(2, 0.3, 0.3)).containsExactly(0, 1); // round(0.6) = 1 each, one lowered
        assertThat(Splitter.partSizes(3, 0.45, 0.45)).containsExactly(1, 1);
        assertThat(Splitter.partSizes(10, 0.0, 0.5)).containsExactly(0, 5);
    }

    @Test
    void invalidArgumentsAreNamed() {
        assertThatThrownBy(() -> Splitter.holdout(10, -0.1, 0.2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validationFraction");
        assertThatThrownBy(() -> Splitter.holdout(10, 0.1, 1.0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("testFraction");
        assertThatThrownBy(() -> Splitter.holdout(10, 0.5, 0.5, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validationFraction + testFraction");
        assertThatThrownBy(() -> Splitter.holdout(10, Double.NaN, 0.5, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validationFraction");
        assertThatThrownBy(() -> Splitter.stratified(new int[] {0, 3}, 2, 0.1, 0.1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("classCodes[1] = 3");
    }

    @Test
    void splitCopiesArraysInAndOut() {
        int[] train = {0, 1};
        Split split = new Split(train, new int[0], new int[] {2});
        train[0] = 9;
        split.train()[1] = 9;
        assertThat(split.train()).containsExactly(0, 1);
    }

    private static int[] classCounts(int[] rows, int[] classes) {
        int[] counts = new int[3];
        for (int row : rows) {
            counts[classes[row]]++;
        }
        return Arrays.copyOf(counts, Arrays.stream(classes).max().orElse(0) + 1);
    }
}
