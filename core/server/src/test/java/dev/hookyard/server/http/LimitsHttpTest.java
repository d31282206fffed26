package dev.hookyard.server.http;

import static dev.hookyard.server.testing.LeastFixtures.SIGNATURE_HEADER;
import static dev.hookyard.server.testing.LeastFixtures.SPEC_BODY;
import static dev.hookyard.server.testing.LeastFixtures.SPEC_SIGNATURE;
import static dev.hookyard.server.testing.LoopbackClients.readToEnd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.hookyard.server.http.RejectionCounters.Reason;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LogCapture;
import dev.hookyard.server.testing.LoopbackClients;
import dev.hookyard.server.testing.RawHttp;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every limit of {@code server.limits} and its endpoint overrides, exceeded over real sockets: each gets its status
 * (431, 413, 408) or a closed connection, is counted, and causes neither a 5xx nor an ERROR line. The per-client
 * connection limit has {@link ClientConnectionLimitHttpTest}.
 */
class LimitsHttpTest {

    @TempDir
    Path home;

    /** A header line of 4 000 bytes: dripped at 50 bytes a second, it outlasts any header timeout of a test. */
    private static final String SLOW_HEADER = "X-Slow: " + "s".repeat(4000);

    private TestServer server;
    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.capture();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        logs.close();
        assertEquals(List.of(), logs.atLeast(Level.ERROR), "no limit is an error");
        assertTrue(logs.lines().stream().filter(l -> l.logger().equals("hookyard.limits"))
                .allMatch(l -> l.level() == Level.WARN), logs.text());
    }

    private void start(String limits, String endpointExtra) throws Exception {
        server = TestServer.start(home, """
                server: { host: 127.0.0.1, port: 0, limits: { %s } }
                store: { path: data }
                endpoints:
                  least: { vendor: least, secrets: ["${env:LEAST_SECRET}"], maxBodyBytes: 1024 }
                  tight: { vendor: least, secrets: ["${env:LEAST_SECRET}"] %s }
                """.formatted(limits, endpointExtra) + TestServer.ALL_TO_REC, new RecordingHandlers());
    }

    private long count(Reason reason) {
        return server.hookyard().rejections().count(reason);
    }

    private static String signedRequest(String path, String extraHeaders) {
        return "POST " + path + " HTTP/1.1\r\nHost: x\r\n" + SIGNATURE_HEADER + ": " + SPEC_SIGNATURE + "\r\n"
                + extraHeaders + "Content-Type: application/json\r\nContent-Length: " + SPEC_BODY.length()
                + "\r\nConnection: close\r\n\r\n" + SPEC_BODY;
    }

    @Test
    void headersOverMaxHeaderBytesGet431AndAreCounted() throws Exception {
        start("maxHeaderBytes: 2048", "");

        RawHttp.Response over = RawHttp.exchange(server.port(),
                signedRequest("/hooks/least", "X-Padding: " + "p".repeat(3000) + "\r\n"));
        RawHttp.Response under = RawHttp.exchange(server.port(),
                signedRequest("/hooks/least", "X-Padding: " + "p".repeat(1500) + "\r\n"));

        assertEquals(431, over.status());
        assertEquals(1, count(Reason.HEADERS_TOO_LARGE));
        assertEquals(200, under.status());
        assertEquals(1, server.deliveryCount());
    }

    @Test
    void moreHeaderFieldsThanAllowedGet431WithAnEndpointOverride() throws Exception {
        start("maxHeaderCount: 20", ", maxHeaderCount: 8");
        StringBuilder ten = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            ten.append("X-H").append(i).append(": v\r\n");
        }
        StringBuilder thirty = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            thirty.append("X-H").append(i).append(": v\r\n");
        }

        RawHttp.Response tightTen = RawHttp.exchange(server.port(), signedRequest("/hooks/tight", ten.toString()));
        RawHttp.Response leastThirty = RawHttp.exchange(server.port(), signedRequest("/hooks/least", thirty.toString()));
        RawHttp.Response leastTen = RawHttp.exchange(server.port(), signedRequest("/hooks/least", ten.toString()));

        assertEquals(431, tightTen.status());
        assertEquals("request header fields too large\n", tightTen.body());
        assertEquals("close", tightTen.header("Connection"));
        assertEquals(431, leastThirty.status());
        assertEquals(200, leastTen.status());
        assertEquals(2, count(Reason.TOO_MANY_HEADERS));
        assertEquals(1, server.deliveryCount());
    }

    @Test
    void aBodyOverTheLimitGets413AndIsCounted() throws Exception {
        start("", "");
        HttpResponse<String> response = server.post("/hooks/least", "x".repeat(2000), Map.of(SIGNATURE_HEADER,
                SPEC_SIGNATURE));
        assertEquals(413, response.statusCode());
        assertEquals(1, count(Reason.BODY_TOO_LARGE));
    }

    @Test
    void aSlowDripSenderGets408WithinTheBodyTimeoutAndTheConnectionIsClosed() throws Exception {
        start("idleTimeout: 30s, bodyTimeout: 30s", ", bodyTimeout: 300ms");
        String head = "POST /hooks/tight HTTP/1.1\r\nHost: x\r\n" + SIGNATURE_HEADER + ": " + SPEC_SIGNATURE + "\r\n"
                + "Content-Length: " + SPEC_BODY.length() + "\r\n\r\n";

        try (Socket socket = connect()) {
            // Never idle, but the whole body (all but its last byte) would take longer than the body timeout.
            assertRequestTimeout(drip(socket, head, SPEC_BODY.substring(0, SPEC_BODY.length() - 1)));
        }
        assertEquals(1, count(Reason.BODY_TIMEOUT));
        assertEquals(0, server.deliveryCount());
    }

    @Test
    void aSenderSilentMidBodyGets408AfterTheIdleTimeout() throws Exception {
        start("idleTimeout: 300ms, bodyTimeout: 30s", "");
        String head = "POST /hooks/least HTTP/1.1\r\nHost: x\r\n" + SIGNATURE_HEADER + ": " + SPEC_SIGNATURE + "\r\n"
                + "Content-Length: " + SPEC_BODY.length() + "\r\n\r\n" + SPEC_BODY.substring(0, 10);

        try (Socket socket = connect()) {
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            String response = readToEnd(socket);

            assertTrue(response.startsWith("HTTP/1.1 408 "), response);
        }
        assertEquals(1, count(Reason.IDLE_TIMEOUT));
        assertEquals(0, server.deliveryCount());
    }

    @Test
    void aSilentConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        start("idleTimeout: 300ms", "");
        try (Socket silent = connect(); Socket halfHeaders = connect()) {
            halfHeaders.getOutputStream().write("POST /hooks/least HTTP/1.1\r\nHost: x\r\nX-Slow"
                    .getBytes(StandardCharsets.ISO_8859_1));

            String nothing = readToEnd(silent);
            String partial = readToEnd(halfHeaders);

            assertEquals("", nothing, "closed without a word");
            assertTrue(partial.isEmpty() || !partial.startsWith("HTTP/1.1 5"), partial);
        }
    }

    @Test
    void headersTricklingInPastTheHeaderTimeoutGet408AndTheConnectionIsClosed() throws Exception {
        start("headerTimeout: 500ms, idleTimeout: 30s", "");

        try (Socket socket = connect()) {
            assertRequestTimeout(drip(socket, "POST /hooks/least HTTP/1.1\r\nHost: x\r\n", SLOW_HEADER));
        }
        assertEquals(1, count(Reason.HEADER_TIMEOUT));
        assertEquals(0, server.deliveryCount());
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAtTheHeaderTimeoutWithoutAWord() throws Exception {
        start("headerTimeout: 300ms, idleTimeout: 30s", "");

        try (Socket silent = connect()) {
            assertEquals("", readToEnd(silent));
        }
        assertEquals(1, count(Reason.HEADER_TIMEOUT));
    }

    @Test
    void onAKeptAliveConnectionTheHeaderDeadlineRunsFromTheFirstByteOfEachRequest() throws Exception {
        start("headerTimeout: 500ms, idleTimeout: 30s", "");

        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(LoopbackClients.signedRequest("keep-alive").getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(LoopbackClients.readResponse(socket).startsWith("HTTP/1.1 200 "));

            // Idle between requests for longer than the header timeout: only the idle timeout counts then.
            TimeUnit.MILLISECONDS.sleep(1200);
            out.write(LoopbackClients.signedRequest("keep-alive").getBytes(StandardCharsets.ISO_8859_1));
            String second = LoopbackClients.readResponse(socket);
            assertTrue(second.startsWith("HTTP/1.1 200 "), second);
            assertEquals(0, count(Reason.HEADER_TIMEOUT));

            assertRequestTimeout(drip(socket, "POST /hooks/least HTTP/1.1\r\n", SLOW_HEADER));
        }
        assertEquals(1, count(Reason.HEADER_TIMEOUT));
    }

    @Test
    void beyondMaxConnectionsNewConnectionsWaitUntilOneCloses() throws Exception {
        start("maxConnections: 2", "");
        List<Socket> held = new ArrayList<>();
        try (Socket third = new Socket()) {
            held.add(connect());
            held.add(connect());
            // Both accepted: the limit is reached and the connector stops accepting.
            Eventually.await(() -> count(Reason.CONNECTION_LIMIT) >= 1, () -> "limit never reached");

            third.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            third.getOutputStream().write(signedRequest("/hooks/least", "").getBytes(StandardCharsets.ISO_8859_1));
            third.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, () -> third.getInputStream().read(),
                    "not served while two connections are open");

            held.remove(0).close();
            third.setSoTimeout(10_000);
            String response = readToEnd(third);
            assertTrue(response.startsWith("HTTP/1.1 200 "), response);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        assertEquals(1, server.deliveryCount());
    }

    /**
     * Sends {@code start}, then {@code rest} one byte every 20 ms (so the connection is never idle) until the server
     * answers or closes, or {@code rest} runs out; returns the answer.
     */
    private static String drip(Socket socket, String start, String rest) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(start.getBytes(StandardCharsets.ISO_8859_1));
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> readToEnd(socket));
        byte[] bytes = rest.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length && !answer.isDone(); i++) {
            try {
                out.write(bytes[i]);
                out.flush();
            } catch (SocketException closed) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return answer.get(20, TimeUnit.SECONDS);
    }

    /** A 408 that closes the connection, with the fixed body. */
    private static void assertRequestTimeout(String answer) {
        assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
        assertTrue(answer.contains("\r\nConnection: close\r\n"), answer);
        assertTrue(answer.endsWith("\r\n\r\nrequest timeout\n"), answer);
    }

    private Socket connect() throws IOException {
        return LoopbackClients.connect(LoopbackClients.GOOD, server.port());
    }
}
