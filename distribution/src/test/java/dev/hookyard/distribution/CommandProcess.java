package dev.hookyard.distribution;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code bin/hookyard ARGS} run as its own process to the end: a second process beside a running server. */
record CommandProcess(int status, String output) {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * Runs it in {@code directory} with the test's JDK, a small heap, no LEAST_SECRET unless {@code environment}
     * gives one (the store commands need no secrets), and its output and errors together.
     */
    static CommandProcess run(Path launcher, Path directory, Map<String, String> environment, String... args)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS", "-Xmx128m");
        builder.environment().remove("LEAST_SECRET");
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("bin/hookyard " + String.join(" ", args) + " did not finish");
        }
        return new CommandProcess(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
