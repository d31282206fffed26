package dev.hookyard.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's JVM defaults (heap, collector, class metadata) and how the user's own options replace them, read
 * from the line the JVM itself prints with {@code -XX:+PrintCommandLineFlags}: the flags it actually runs with.
 */
class JvmDefaultsIT {

    private static final String PRINT_FLAGS = "-XX:+PrintCommandLineFlags";
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path work;

    private ChildServer child;

    @AfterEach
    void stop() {
        if (child != null) {
            child.kill();
        }
    }

    @Test
    void theServerRunsWithASmallHeapTheSerialCollectorAndBoundedMetaspaceByDefault() throws Exception {
        Path config = ChildServer.writeConfig(work, work.resolve("store"), null, "  log: { type: log }",
                "  - { from: \"*\", events: [\"*\"], to: [log] }");

        child = ChildServer.start(launcher(), work, environment(PRINT_FLAGS, ""), "run", "--config",
                config.toString());
        child.awaitReady();
        Set<String> flags = flags();
        child.stop();

        assertTrue(flags.contains("-XX:InitialHeapSize=" + 64 * MIB), flags::toString);
        assertTrue(flags.contains("-XX:MaxHeapSize=" + 192 * MIB), flags::toString);
        assertTrue(flags.contains("-XX:+UseSerialGC"), flags::toString);
        assertTrue(flags.contains("-XX:MaxMetaspaceSize=" + 128 * MIB), flags::toString);
    }

    @Test
    void theUsersHeapCollectorAndMetaspaceOptionsReplaceTheDefaults() throws Exception {
        // -Xmx below the default -Xms: java would refuse to start if the default -Xms were still there.
        child = ChildServer.start(launcher(), work,
                environment(PRINT_FLAGS + " -Xmx48m -XX:+UseG1GC -XX:MaxMetaspaceSize=96m", ""), "version");

        assertEquals(0, child.awaitExit(), child::transcript);
        Set<String> flags = flags();
        assertTrue(flags.contains("-XX:MaxHeapSize=" + 48 * MIB), flags::toString);
        assertTrue(flags.contains("-XX:+UseG1GC"), flags::toString);
        assertFalse(flags.contains("-XX:+UseSerialGC"), flags::toString);
        assertTrue(flags.contains("-XX:MaxMetaspaceSize=" + 96 * MIB), flags::toString);
    }

    @Test
    void aHeapSizeInJavaToolOptionsCountsAsTheUsersToo() throws Exception {
        child = ChildServer.start(launcher(), work, environment(PRINT_FLAGS, "-Xmx96m"), "version");

        assertEquals(0, child.awaitExit(), child::transcript);
        Set<String> flags = flags();
        assertTrue(flags.contains("-XX:MaxHeapSize=" + 96 * MIB), flags::toString);
        assertFalse(flags.contains("-XX:InitialHeapSize=" + 64 * MIB), flags::toString);
        assertTrue(flags.contains("-XX:+UseSerialGC"), "the collector default stays: " + flags);
    }

    private static Path launcher() {
        return ChildServer.distributionHome().resolve("bin/hookyard");
    }

    /** JAVA_OPTS and JAVA_TOOL_OPTIONS as given, and no JDK_JAVA_OPTIONS this test's own environment may have. */
    private static Map<String, String> environment(String javaOpts, String javaToolOptions) {
        return Map.of("JAVA_OPTS", javaOpts, "JAVA_TOOL_OPTIONS", javaToolOptions, "JDK_JAVA_OPTIONS", "");
    }

    /** The flags of the JVM's {@code -XX:+PrintCommandLineFlags} line. */
    private Set<String> flags() {
        List<String> lines = child.output().stream().filter(l -> l.contains(PRINT_FLAGS)).toList();
        assertEquals(1, lines.size(), child::transcript);
        return Arrays.stream(lines.get(0).trim().split("\\s+")).collect(Collectors.toSet());
    }
}
