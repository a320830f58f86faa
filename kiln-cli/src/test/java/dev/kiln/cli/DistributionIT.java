package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive as a user gets it: unpacked anywhere, its {@code bin/kiln} runs the
 * bundled titanic example end to end with nothing else on the class path. Runs after {@code package}.
 */
class DistributionIT {
    @TempDir
    Path work;

    @Test
    void unpackedDistributionRunsTheExample() throws Exception {
        Path archive = Path.of("target", "kiln-" + System.getProperty("kiln.version", "0.1.0-SNAPSHOT") + ".tar.gz");
        assertThat(archive).exists();
        assertThat(run(work, "tar", "xzf", archive.toAbsolutePath().toString())).isZero();
        Path home = Files.list(work).filter(Files::isDirectory).findFirst().orElseThrow();
        String java = Path.of(System.getProperty("java.home")).toString();
        ProcessBuilder kiln = new ProcessBuilder(home.resolve("bin/kiln").toString(), "run", "examples/titanic/pipeline.yaml")
                .directory(home.toFile()).redirectErrorStream(true);
        kiln.environment().put("JAVA_HOME", java);
        Process process = kiln.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("[8/8] register", "registered: titanic:1");
        assertThat(home.resolve("examples/titanic/.kiln/kiln.db")).exists();

        // the first run left its class archive (on a JDK with the default one to build on); later runs map it, and
        // stdout stays the command's own JSON
        if (Files.exists(Path.of(java, "lib", "server", "classes.jsa"))) {
            assertThat(home.resolve("lib/kiln.jsa")).isNotEmptyFile();
        }
        ProcessBuilder list = new ProcessBuilder(home.resolve("bin/kiln").toString(), "models", "list", "--json",
                "--store", "examples/titanic/.kiln").directory(home.toFile());
        list.environment().put("JAVA_HOME", java);
        Process listing = list.start();
        String json = new String(listing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(listing.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(listing.exitValue()).as(json).isZero();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).toString()).contains("titanic");
    }

    private static int run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        return process.waitFor();
    }
}
