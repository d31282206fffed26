package dev.hookyard.server.http;

import static dev.hookyard.server.testing.LeastFixtures.SIGNATURE_HEADER;
import static dev.hookyard.server.testing.LeastFixtures.SPEC_BODY;
import static dev.hookyard.server.testing.LeastFixtures.SPEC_SIGNATURE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.hookyard.server.http.RejectionCounters.Reason;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LogCapture;
import dev.hookyard.server.testing.RawHttp;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * (431, 413, 408) or a closed connection, is counted, and causes neither a 5xx nor an ERROR line.
 */
class LimitsHttpTest {

    @TempDir
    Path home;

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
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> readToEnd(socket));
            byte[] body = SPEC_BODY.getBytes(StandardCharsets.ISO_8859_1);
            // One byte every 20 ms: never idle, but the whole body would take longer than the body timeout.
            for (int i = 0; i < body.length - 1 && !answer.isDone(); i++) {
                try {
                    out.write(body[i]);
                    out.flush();
                } catch (SocketException closed) {
                    break;
                }
                TimeUnit.MILLISECONDS.sleep(20);
            }
            String response = answer.get(20, TimeUnit.SECONDS);

            assertTrue(response.startsWith("HTTP/1.1 408 "), response);
            assertTrue(response.contains("\r\nConnection: close\r\n"), response);
            assertTrue(response.endsWith("request timeout\n"), response);
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

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Everything the server sends until it closes the connection. */
    private static String readToEnd(Socket socket) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                bytes.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close the connection; got: "
                    + bytes.toString(StandardCharsets.ISO_8859_1), e);
        } catch (IOException e) {
            // reset after the answer: keep what arrived
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }
}
