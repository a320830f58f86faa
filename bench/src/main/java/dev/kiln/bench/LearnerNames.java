package dev.kiln.bench;

import dev.kiln.learn.catalog.Learners;

/** Prints {@link Learners#names()}, one a line, so that {@code bench/run.sh} benchmarks every learner this build has. */
public final class LearnerNames {
    private LearnerNames() {
    }

    public static void main(String[] args) {
        Learners.names().forEach(System.out::println);
    }
}
