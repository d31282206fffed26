package dev.hookyard.distribution;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Maven run as a plugin author runs it, as a child process ({@code mvn -B}), with a local repository of its own
 * that starts empty but for what {@code bin/hookyard-sdk-install} puts in it. Everything else comes from the outer
 * build's local repository, read as a file repository with snapshots off (so no {@code dev.hookyard} snapshot an
 * earlier {@code mvn install} left there can stand in for the SDK), and then from Maven Central.
 */
final class NestedMaven {

    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final int TRANSCRIPT_LINES = 80;

    private final Path mvn;
    private final Path settings;
    private final Path logs;

    private NestedMaven(Path mvn, Path settings, Path logs) {
        this.mvn = mvn;
        this.settings = settings;
        this.logs = logs;
    }

    /** A Maven whose local repository is {@code localRepository}; its settings and logs are written to {@code work}. */
    static NestedMaven withLocalRepository(Path localRepository, Path work) throws IOException {
        String home = System.getProperty("hookyard.maven.home");
        String outerRepository = System.getProperty("hookyard.maven.repository");
        assertTrue(home != null && outerRepository != null, "run through Maven (mvn verify): the Maven home and"
                + " local repository are system properties set by the failsafe plugin");
        Path mvn = Paths.get(home, "bin", "mvn");
        assertTrue(Files.isExecutable(mvn), () -> "no executable " + mvn);
        String hostCache = Paths.get(outerRepository).toUri().toString();
        String repository = """
                    <id>outer-build</id>
                    <url>%s</url>
                    <releases><enabled>true</enabled></releases>
                    <snapshots><enabled>false</enabled></snapshots>
                """.formatted(hostCache);
        String xml = """
                <settings>
                  <localRepository>%s</localRepository>
                  <profiles>
                    <profile>
                      <id>outer-build-cache</id>
                      <repositories><repository>
                %s      </repository></repositories>
                      <pluginRepositories><pluginRepository>
                %s      </pluginRepository></pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>outer-build-cache</activeProfile></activeProfiles>
                </settings>
                """.formatted(localRepository.toAbsolutePath(), repository, repository);
        Path logs = Files.createDirectories(work.resolve("maven-logs"));
        return new NestedMaven(mvn, Files.writeString(work.resolve("settings.xml"), xml), logs);
    }

    /** Runs {@code mvn -B -s settings.xml ARGS} in {@code directory}; fails the test with its output unless it passes. */
    void run(Path directory, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-ntp", "-s", settings.toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(logs, "mvn", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> !List.of("PATH", "HOME", "LANG", "TMPDIR").contains(name));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("MAVEN_OPTS", "-Xmx256m");
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within " + TIMEOUT + "\n" + tail(log));
        }
        if (process.exitValue() != 0) {
            fail(String.join(" ", command) + " in " + directory + " failed with exit status " + process.exitValue()
                    + "\n" + tail(log));
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TRANSCRIPT_LINES), lines.size()));
    }
}
