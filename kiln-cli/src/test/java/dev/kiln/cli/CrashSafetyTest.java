package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.bundle.Bundle;
import dev.kiln.store.KilnStore;
import dev.kiln.store.ModelVersion;
import dev.kiln.store.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code kiln run} and {@code kiln models promote} with SIGKILL at random moments and checks after each
 * kill that the store opens and is consistent: every registered version's bundle loads, every alias points to a
 * live version, every run is running, finished or failed; at the end a new run succeeds and the runs whose
 * process was killed show as stale. The delays are drawn over the measured duration of each command, so kills
 * land in start-up, training, bundle writing and registration alike. {@code -Dkiln.test.kills=N} sets the number
 * of kills per command (default 8); a time budget stops early on a loaded machine, after at least 3 of each.
 */
class CrashSafetyTest {
    private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(50);

    @TempDir
    Path work;

    @Test
    void killingRunAndPromoteAtRandomMomentsLeavesTheStoreConsistent() throws Exception {
        Examples.copy("titanic", work);
        Path store = work.resolve(".kiln");
        long runMillis = timed(() -> assertSucceeds(CliProcess.run(work, "run", "pipeline.yaml")));
        long promoteMillis = timed(() -> assertSucceeds(CliProcess.run(work, "models", "promote", "titanic", "1",
                "--store", store.toString())));
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        int kills = Integer.getInteger("kiln.test.kills", 8);
        var killedRuns = new ArrayList<Long>();
        long start = System.nanoTime();
        int done = 0;
        for (; done < kills && (done < 3 || System.nanoTime() - start < BUDGET_NANOS); done++) {
            long runDelay = (long) (random.nextDouble() * runMillis * 1.1);
            killedRuns.add(killAfter(runDelay, "run", "pipeline.yaml"));
            checkConsistent(store, "after killing kiln run at " + runDelay + " ms (seed " + seed + ")");

            List<ModelVersion> live = liveVersions(store);
            ModelVersion target = live.get(random.nextInt(live.size()));
            String alias = random.nextBoolean() ? "champion" : "challenger";
            long promoteDelay = (long) (random.nextDouble() * promoteMillis * 1.1);
            killAfter(promoteDelay, "models", "promote", "titanic", Integer.toString(target.version()), "--alias", alias,
                    "--store", store.toString());
            checkConsistent(store, "after killing kiln models promote at " + promoteDelay + " ms (seed " + seed + ")");
        }
        assertThat(done).isGreaterThanOrEqualTo(3);

        assertSucceeds(CliProcess.run(work, "run", "pipeline.yaml"));
        checkConsistent(store, "after the final run (seed " + seed + ")");
        try (KilnStore opened = KilnStore.open(store)) {
            for (Run run : opened.runs(null, Run.RUNNING, 1000)) {
                assertThat(killedRuns).as("a running run is one that was killed").contains(run.process().pid());
                assertThat(run.stale()).as("killed run %s shows as stale", run.id()).isTrue();
            }
        }
    }

    private long killAfter(long delayMillis, String... args) throws Exception {
        Process process = CliProcess.builder(work, args).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close();
        process.waitFor(delayMillis, TimeUnit.MILLISECONDS);
        process.destroyForcibly();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.pid();
    }

    private static void checkConsistent(Path store, String when) throws Exception {
        try (KilnStore opened = KilnStore.open(store)) {
            for (Run run : opened.runs(null, null, 1000)) {
                assertThat(run.status()).as(when).isIn(Set.of(Run.RUNNING, Run.FINISHED, Run.FAILED));
            }
            for (String name : opened.modelNames()) {
                List<ModelVersion> versions = opened.versions(name);
                for (ModelVersion version : versions) {
                    assertThat(Bundle.read(version.bundlePath())).as(when).isNotNull();
                    assertThat(opened.run(version.runId())).as(when).isPresent();
                }
                for (Map.Entry<String, Integer> alias : opened.aliases(name).entrySet()) {
                    ModelVersion target = opened.version(name, alias.getValue()).orElseThrow();
                    assertThat(target.stage()).as(when).isNotEqualTo(ModelVersion.ARCHIVED);
                    assertThat(opened.resolve(name + "@" + alias.getKey())).as(when).contains(target);
                }
            }
        }
    }

    private static List<ModelVersion> liveVersions(Path store) {
        try (KilnStore opened = KilnStore.open(store)) {
            return opened.versions("titanic").stream().filter(v -> !ModelVersion.ARCHIVED.equals(v.stage())).toList();
        }
    }

    private static void assertSucceeds(CliProcess.Result result) {
        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    private static long timed(ThrowingRunnable action) throws Exception {
        long t0 = System.nanoTime();
        action.run();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    /** An action that may throw. */
    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
