package dev.hookyard.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * from the line the JVM itself prints with {@code -XX:+PrintCommandLineFlags}: the flags it actually runs with; and
 * that the default heap is enough for what a sender can make the listener hold.
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

    @Test
    void theDefaultHeapHoldsSlowSendersThatDeclareTheLargestBodies() throws Exception {
        Path config = ChildServer.writeConfig(work, work.resolve("store"), "{ channel: any }", "  log: { type: log }",
                "  - { from: \"*\", events: [\"*\"], to: [log] }");
        child = ChildServer.start(launcher(), work, environment("", ""), "run", "--config", config.toString());
        int port = child.awaitReady().getPort();

        // Four addresses with 60 connections each (under maxConnectionsPerClient), each declaring a body of
        // maxBodyBytes (1 MiB): 240 MiB declared, more than the whole default heap. Jetty answers "100 Continue" once
        // the body is being read, that is once its buffer is allocated.
        String head = "POST /hooks/least HTTP/1.1\r\nHost: x\r\nX-LEAST-Signature: sha256=" + "0".repeat(64)
                + "\r\nContent-Length: " + MIB + "\r\nExpect: 100-continue\r\n\r\n";
        List<Socket> slow = new ArrayList<>();
        try {
            for (int address = 2; address <= 5; address++) {
                for (int i = 0; i < 60; i++) {
                    Socket socket = new Socket();
                    slow.add(socket);
                    socket.bind(new InetSocketAddress("127.0.0." + address, 0));
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                    socket.setSoTimeout(10_000);
                    socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            for (Socket socket : slow) {
                assertEquals("HTTP/1.1 100 Continue", statusLine(socket), child::transcript);
                socket.getOutputStream().write('{');
            }

            byte[] body = "{\"event\":\"record.created\",\"record_id\":7}".getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> good = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/hooks/least"))
                    .header("X-LEAST-Signature", LeastSigning.signature(ChildServer.SECRET, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, good.statusCode(), child::transcript);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
        assertFalse(child.output().stream().anyMatch(l -> l.contains("OutOfMemoryError")), child::transcript);
    }

    /** The status line of the next response on {@code socket} (its headers are read and dropped). */
    private static String statusLine(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (head.indexOf("\r\n\r\n") < 0) {
            int b = in.read();
            if (b < 0) {
                return "closed: " + head;
            }
            head.append((char) b);
        }
        return head.substring(0, head.indexOf("\r\n"));
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
