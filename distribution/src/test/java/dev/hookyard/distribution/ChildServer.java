package dev.hookyard.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code bin/hookyard run} of the unpacked distribution, launched as a child process: its process and
 * every line it printed (stdout and stderr, merged). Shared by the launch tests.
 */
final class ChildServer {

    /** LEAST's published test vector secret (shared/vendor-docs/SPEC.md), given to the child as LEAST_SECRET. */
    static final String SECRET = "your-webhook-secret";

    private static final Pattern MANAGEMENT = Pattern.compile("Management API on http://[^\\s:]+:(\\d+)");
    private static final Pattern READY = Pattern.compile("Hookyard ready on http://[^\\s:]+:(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private ChildServer(Process process) {
        this.process = process;
        reader = new Thread(this::readOutput, "hookyard-child-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static ChildServer start(Path launcher, Path config, Path workingDirectory) throws IOException {
        return start(launcher, workingDirectory, "run", "--config", config.toString());
    }

    /** {@code bin/hookyard ARGS...}, e.g. {@code run --config FILE --plugins DIR}. */
    static ChildServer start(Path launcher, Path workingDirectory, String... args) throws IOException {
        return start(launcher, workingDirectory, java.util.Map.of(), args);
    }

    /** As above, with these environment variables added (secrets the configuration references). */
    static ChildServer start(Path launcher, Path workingDirectory, java.util.Map<String, String> environment,
                             String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true);
        builder.environment().put("LEAST_SECRET", SECRET);
        // The JDK running this test (17+), found the way users point to theirs.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS", "-Xmx256m");
        builder.environment().putAll(environment);
        return new ChildServer(builder.start());
    }

    /**
     * Writes {@code work/hookyard.yaml}: the listener and the management API on free loopback ports (tests may run
     * side by side), the store in {@code store}, endpoint {@code least} at /hooks/least with the secret from
     * LEAST_SECRET and {@code leastOptions} (null for none), and the given lines under handlers: and routes:.
     */
    static Path writeConfig(Path work, Path store, String leastOptions, String handlers, String routes)
            throws IOException {
        String yaml = String.join("\n",
                "server: { host: 127.0.0.1, port: 0 }",
                "management: { host: 127.0.0.1, port: 0 }",
                "store: { path: '" + quoted(store) + "' }",
                "endpoints:",
                "  least: { vendor: least, path: /hooks/least, secrets: [\"${env:LEAST_SECRET}\"]"
                        + (leastOptions == null ? "" : ", options: " + leastOptions) + " }",
                "handlers:",
                handlers,
                "routes:",
                routes,
                "");
        return Files.writeString(work.resolve("hookyard.yaml"), yaml);
    }

    /** A path for a single-quoted YAML scalar: absolute, its quotes doubled. */
    static String quoted(Path path) {
        return path.toAbsolutePath().toString().replace("'", "''");
    }

    /** Copies a plugin's drop-in folder (its JARs) to {@code to}. */
    static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (java.util.stream.Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    /** The unpacked distribution built by the package phase. */
    static Path distributionHome() {
        String property = System.getProperty("hookyard.distribution");
        Path home = property != null ? Paths.get(property) : Paths.get("target", "hookyard");
        assertTrue(Files.isDirectory(home.resolve("lib")),
                () -> "no unpacked distribution at " + home.toAbsolutePath() + ": run 'mvn verify' (the package"
                        + " phase builds it)");
        return home.toAbsolutePath();
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            synchronized (lines) {
                lines.add("[test: reading the output failed: " + e + "]");
            }
        }
    }

    List<String> output() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The output, or its last {@code last} lines, with the process's state: for failure messages. */
    String transcript() {
        return transcript(Integer.MAX_VALUE);
    }

    String transcript(int last) {
        List<String> output = output();
        StringBuilder text = new StringBuilder("--- output of the hookyard process (pid " + process.pid());
        if (!process.isAlive()) {
            text.append(", exited with ").append(process.exitValue());
        }
        text.append(", ").append(output.size()).append(" lines");
        if (output.size() > last) {
            text.append(", the last ").append(last).append(" shown");
            output = output.subList(output.size() - last, output.size());
        }
        text.append(") ---\n");
        output.forEach(line -> text.append(line).append('\n'));
        return text.append("--- end of output ---").toString();
    }

    URI awaitReady() throws InterruptedException {
        return awaitReady(START_TIMEOUT);
    }

    /** As above, waiting up to {@code timeout} (several nodes starting at once on a small machine). */
    URI awaitReady(Duration timeout) throws InterruptedException {
        String line = awaitLine(l -> READY.matcher(l).find(), "the ready line 'Hookyard ready on http://HOST:PORT'",
                timeout);
        Matcher matcher = READY.matcher(line);
        assertTrue(matcher.find());
        return URI.create("http://127.0.0.1:" + matcher.group(1) + "/");
    }

    /** The management API's base URI, once the server has logged where it listens. */
    URI awaitManagement() throws InterruptedException {
        Matcher port = MANAGEMENT.matcher(awaitLine(l -> MANAGEMENT.matcher(l).find(), "the management API line"));
        assertTrue(port.find());
        return URI.create("http://127.0.0.1:" + port.group(1) + "/");
    }

    String awaitLine(Predicate<String> wanted, String what) throws InterruptedException {
        return awaitLine(wanted, what, EVENT_TIMEOUT);
    }

    /** Polls the captured output until a line matches, the process dies, or the deadline passes. */
    String awaitLine(Predicate<String> wanted, String what, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Optional<String> found = output().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (!process.isAlive()) {
                process.waitFor(5, TimeUnit.SECONDS); // let the reader drain the last lines
                found = output().stream().filter(wanted).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                fail("the hookyard process exited before printing " + what + "\n" + transcript());
            }
            if (Instant.now().isAfter(deadline)) {
                fail("no " + what + " within " + timeout.toSeconds() + "s\n" + transcript());
            }
            Thread.sleep(25);
        }
    }

    /**
     * Waits for the process to end on its own (a startup that fails) and for its output to be read to the end;
     * returns its exit status.
     */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            kill();
            fail("the hookyard process did not exit within " + START_TIMEOUT.toSeconds() + "s\n" + transcript());
        }
        reader.join(EVENT_TIMEOUT.toMillis()); // it ends at the end of the stream: then every line is read
        return process.exitValue();
    }

    /** bin/hookyard must exec java, or a signal to the launcher would not reach the JVM. */
    void assertJvmReplacedTheLauncher() {
        Optional<String> command = process.info().command();
        command.ifPresent(c -> assertTrue(Paths.get(c).getFileName().toString().startsWith("java"),
                () -> "the launched process is " + c + ", not java: bin/hookyard must exec java\n" + transcript()));
    }

    /** SIGTERM, then wait for the JVM to shut down in order: status 0 and its "Stopped" line. */
    void stop() throws InterruptedException {
        // Through the handle: Process.destroy() also closes our end of the output pipe, losing the last lines.
        process.toHandle().destroy();
        boolean exited = process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!exited) {
            kill();
            fail("the hookyard process did not stop within " + STOP_TIMEOUT.toSeconds() + "s of SIGTERM\n"
                    + transcript());
        }
        assertEquals(0, process.exitValue(), () -> "SIGTERM is an orderly stop, exit status 0\n" + transcript());
        awaitLine(line -> line.contains(" hookyard - Stopped"), "the stop to be logged");
    }

    /**
     * Kills the process and anything it started (SIGKILL), whatever state it is in, waits for it to go, and reads
     * what it printed up to its death (through the handle: {@code Process.destroyForcibly()} would also close our
     * end of the output pipe and lose the last lines).
     */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.toHandle().destroyForcibly();
        try {
            process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            reader.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The process id: the JVM's, since bin/hookyard execs java (see {@link #assertJvmReplacedTheLauncher()}). */
    long pid() {
        return process.pid();
    }

    /** {@code kill -HUP PID}, as an operator (or systemd's {@code ExecReload}) asks for a reload. */
    void hangUp() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -HUP " + process.pid());
    }

    /** Polls the output until {@code count} lines match, the process dies, or the deadline passes. */
    void awaitLines(Predicate<String> wanted, int count, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(EVENT_TIMEOUT);
        while (output().stream().filter(wanted).count() < count) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                fail("not " + count + " lines of " + what + "\n" + transcript());
            }
            Thread.sleep(25);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }
}
