package dev.kiln.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FoldsTest {

    @Test
    void kFoldPartitionsTheRowsIntoNearlyEqualFolds() {
        List<Fold> folds = Folds.kFold(103, 5, 7);
        assertThat(folds).hasSize(5);
        int[] validatedTimes = new int[103];
        for (Fold fold : folds) {
            assertThat(fold.validationSize()).isBetween(20, 21);
            assertThat(fold.trainSize() + fold.validationSize()).isEqualTo(103);
            assertDisjoint(fold);
            assertThat(fold.validation()).isSorted();
            assertThat(fold.train()).isSorted();
            for (int row : fold.validation()) {
                validatedTimes[row]++;
            }
        }
        assertThat(validatedTimes).containsOnly(1);
    }

    @Test
    void theSameSeedGivesTheSameFoldsAndAnotherSeedOthers() {
        assertThat(Folds.kFold(50, 5, 3)).isEqualTo(Folds.kFold(50, 5, 3));
        assertThat(Folds.kFold(50, 5, 3)).isNotEqualTo(Folds.kFold(50, 5, 4));
        int[] codes = new int[60];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = i % 3;
        }
        assertThat(Folds.stratified(codes, 3, 4, 9)).isEqualTo(Folds.stratified(codes, 3, 4, 9));
    }

    @Test
    void stratifiedFoldsKeepEveryClassShare() {
        int[] codes = new int[200];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = i < 150 ? 0 : i < 190 ? 1 : 2; // 150 / 40 / 10
        }
        List<Fold> folds = Folds.stratified(codes, 3, 5, 11);
        int[] validatedTimes = new int[codes.length];
        for (Fold fold : folds) {
            int[] perClass = new int[3];
            for (int row : fold.validation()) {
                perClass[codes[row]]++;
                validatedTimes[row]++;
            }
            assertThat(perClass).containsExactly(30, 8, 2);
            assertDisjoint(fold);
        }
        assertThat(validatedTimes).containsOnly(1);
    }

    @Test
    void groupFoldsNeverSplitAGroup() {
        int[] groups = new int[120];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = (i * 7) % 13; // 13 groups of 9 or 10 rows, interleaved
        }
        List<Fold> folds = Folds.grouped(groups, 4, 5);
        int[] validatedTimes = new int[groups.length];
        for (Fold fold : folds) {
            Set<Integer> trainGroups = new HashSet<>();
            for (int row : fold.train()) {
                trainGroups.add(groups[row]);
            }
            for (int row : fold.validation()) {
                assertThat(trainGroups).doesNotContain(groups[row]);
                validatedTimes[row]++;
            }
            assertThat(fold.validationSize()).isBetween(27, 40); // 3 or 4 groups each
        }
        assertThat(validatedTimes).containsOnly(1);
        assertThatThrownBy(() -> Folds.grouped(new int[] {0, 0, 1, 1}, 3, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 3 groups, got 2");
    }

    @Test
    void timeOrderedFoldsNeverTrainOnTheFuture() {
        double[] times = new double[50];
        for (int i = 0; i < times.length; i++) {
            times[i] = (i * 17) % 50; // a permutation of 0..49
        }
        int[] order = Folds.timeOrder(times);
        List<Fold> folds = Folds.timeOrdered(order, 4);
        assertThat(folds).hasSize(4);
        int previousTrain = 0;
        for (Fold fold : folds) {
            double latestTrain = Arrays.stream(fold.train()).mapToDouble(r -> times[r]).max().orElseThrow();
            double earliestValidation = Arrays.stream(fold.validation()).mapToDouble(r -> times[r]).min().orElseThrow();
            assertThat(latestTrain).isLessThan(earliestValidation);
            assertThat(fold.trainSize()).isGreaterThan(previousTrain); // the window expands
            assertThat(fold.validationSize()).isBetween(10, 10);
            previousTrain = fold.trainSize();
        }
        assertThat(folds.get(0).trainSize()).isEqualTo(10);
    }

    @Test
    void timeOrderPutsMissingTimesLastAndKeepsTiesInRowOrder() {
        assertThat(Folds.timeOrder(new double[] {3, Double.NaN, 1, 3, 0})).containsExactly(4, 2, 0, 3, 1);
    }

    @Test
    void repeatedFoldsDifferBetweenRepeatsAndNumberThem() {
        List<Fold> folds = Folds.repeated(3, 42, s -> Folds.kFold(30, 3, s));
        assertThat(folds).hasSize(9);
        assertThat(folds.get(0)).isEqualTo(Folds.kFold(30, 3, 42).get(0));
        assertThat(folds.stream().map(Fold::repeat).toList()).containsExactly(0, 0, 0, 1, 1, 1, 2, 2, 2);
        assertThat(folds.get(3).validation()).isNotEqualTo(folds.get(0).validation());
        assertThat(Folds.repeated(3, 42, s -> Folds.kFold(30, 3, s))).isEqualTo(folds);
    }

    @Test
    void badArgumentsAreRejectedWithTheirValue() {
        assertThatThrownBy(() -> Folds.kFold(10, 1, 0)).hasMessageContaining("folds must be >= 2: 1");
        assertThatThrownBy(() -> Folds.kFold(3, 5, 0)).hasMessageContaining("5 folds need at least 5 rows, got 3");
        assertThatThrownBy(() -> Folds.timeOrdered(new int[] {0, 0, 1}, 2)).hasMessageContaining("once");
    }

    @Test
    void timeHoldoutTestsOnTheLatestRows() {
        int[] order = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
        Split split = Holdouts.byTime(order, 0.2, 0.3);
        assertThat(split.test()).containsExactly(0, 1, 2);
        assertThat(split.validation()).containsExactly(3, 4);
        assertThat(split.train()).containsExactly(5, 6, 7, 8, 9);
    }

    @Test
    void groupHoldoutKeepsGroupsWhole() {
        int[] groups = new int[100];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = i % 20;
        }
        Split split = Holdouts.byGroup(groups, 0.2, 0.2, 3);
        assertThat(split.test().length).isEqualTo(20);
        assertThat(split.validation().length).isEqualTo(20);
        Set<Integer> testGroups = new HashSet<>();
        Arrays.stream(split.test()).forEach(r -> testGroups.add(groups[r]));
        Arrays.stream(split.train()).forEach(r -> assertThat(testGroups).doesNotContain(groups[r]));
        Arrays.stream(split.validation()).forEach(r -> assertThat(testGroups).doesNotContain(groups[r]));
        assertThat(split.train().length + split.validation().length + split.test().length).isEqualTo(100);
    }

    private static void assertDisjoint(Fold fold) {
        Set<Integer> train = new HashSet<>();
        for (int row : fold.train()) {
            train.add(row);
        }
        for (int row : fold.validation()) {
            assertThat(train).doesNotContain(row);
        }
    }
}
