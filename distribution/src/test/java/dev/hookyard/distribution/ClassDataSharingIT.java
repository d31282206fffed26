package dev.hookyard.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data sharing archive, on a copy of the real distribution: the first {@code run} leaves it in
 * {@code cache/} at its orderly stop, the next start maps it, and {@code HOOKYARD_CDS=off} leaves it alone. Java's
 * own CDS log (asked for through JAVA_OPTS, which comes after the launcher's options) tells which archive was opened.
 */
class ClassDataSharingIT {

    /** JAVA_OPTS of the starts that should show which archives Java opened. */
    private static final Map<String, String> CDS_LOG = Map.of("JAVA_OPTS", "-Xmx256m -Xlog:cds=info");

    @TempDir
    Path work;

    private ChildServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.kill();
        }
    }

    @Test
    void theFirstRunLeavesAnArchiveThatLaterStartsMapUnlessTurnedOff() throws Exception {
        Path home = copyOfTheDistribution();
        Path launcher = home.resolve("bin/hookyard");
        Path config = ChildServer.writeConfig(work, work.resolve("store"), null, "  log: { type: log }",
                "  - { from: \"*\", events: [\"*\"], to: [log] }");

        server = ChildServer.start(launcher, config, work);
        server.awaitReady();
        server.stop();
        List<Path> archives = archives(home);
        assertEquals(1, archives.size(), () -> "one archive in cache/ after the first run: " + archives);
        String archive = archives.get(0).toString();

        server = ChildServer.start(launcher, work, CDS_LOG, "run", "--config", config.toString());
        server.awaitReady();
        server.stop();
        assertTrue(server.output().stream().anyMatch(l -> l.contains("Opened archive " + archive)),
                () -> "the second start did not map " + archive + "\n" + server.transcript());
        assertEquals(archives, archives(home), "the archive is kept, not written again");

        server = ChildServer.start(launcher, work, Map.of("JAVA_OPTS", "-Xmx256m -Xlog:cds=info",
                "HOOKYARD_CDS", "off"), "run", "--config", config.toString());
        server.awaitReady();
        server.stop();
        assertFalse(server.output().stream().anyMatch(l -> l.contains(archive)),
                () -> "HOOKYARD_CDS=off still used the archive\n" + server.transcript());
        server = null;
    }

    /** bin/, lib/ and conf/ of the built distribution, so that this test's cache/ is its own. */
    private Path copyOfTheDistribution() throws IOException {
        Path source = ChildServer.distributionHome();
        Path home = work.resolve("hookyard");
        for (String dir : List.of("bin", "lib", "conf")) {
            try (Stream<Path> files = Files.walk(source.resolve(dir))) {
                for (Path file : files.collect(Collectors.toList())) {
                    Path target = home.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
        return home;
    }

    private static List<Path> archives(Path home) throws IOException {
        Path cache = home.resolve("cache");
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).sorted().toList();
        }
    }
}
