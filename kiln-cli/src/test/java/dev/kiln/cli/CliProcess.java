package dev.kiln.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code kiln} command in a child JVM on the test class path, as a user would. */
final class CliProcess {
    /** What a finished command printed and returned. */
    record Result(int exitCode, String out, String err) {
    }

    private CliProcess() {
    }

    static ProcessBuilder builder(Path workDir, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Kiln.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workDir.toFile());
    }

    static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        return run(workDir, Map.of(), args);
    }

    /** Runs the command with {@code env} added to the child's environment. */
    static Result run(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = builder(workDir, args);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        var out = process.getInputStream();
        var err = process.getErrorStream();
        byte[][] captured = new byte[2][];
        Thread errReader = new Thread(() -> {
            try {
                captured[1] = err.readAllBytes();
            } catch (IOException e) {
                captured[1] = e.toString().getBytes(StandardCharsets.UTF_8);
            }
        });
        errReader.start();
        captured[0] = out.readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("kiln " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        errReader.join();
        return new Result(process.exitValue(), new String(captured[0], StandardCharsets.UTF_8),
                new String(captured[1], StandardCharsets.UTF_8));
    }
}
