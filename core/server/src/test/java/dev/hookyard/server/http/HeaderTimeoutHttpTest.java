package dev.hookyard.server.http;

import static dev.hookyard.server.testing.LoopbackClients.GOOD;
import static dev.hookyard.server.testing.LoopbackClients.connect;
import static dev.hookyard.server.testing.LoopbackClients.readResponse;
import static dev.hookyard.server.testing.LoopbackClients.readToEnd;
import static dev.hookyard.server.testing.LoopbackClients.signedRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.hookyard.server.http.RejectionCounters.Reason;
import dev.hookyard.server.testing.LogCapture;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code server.limits.headerTimeout} over real sockets: a request line and headers that trickle in slower than the
 * deadline get 408 and a closed connection however steadily they come (the idle timeout never fires), a connection
 * that says nothing is closed, and on a kept-alive connection the deadline runs from a request's first byte.
 */
class HeaderTimeoutHttpTest {

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
    }

    private void start(String limits) throws Exception {
        server = TestServer.start(home, """
                server: { host: 127.0.0.1, port: 0, limits: { %s } }
                store: { path: data }
                """.formatted(limits) + TestServer.LEAST_TO_REC, new RecordingHandlers());
    }

    private long count(Reason reason) {
        return server.hookyard().rejections().count(reason);
    }

    @Test
    void headersTricklingInPastTheHeaderTimeoutGet408AndTheConnectionIsClosed() throws Exception {
        start("headerTimeout: 500ms, idleTimeout: 30s");

        try (Socket socket = connect(GOOD, server.port())) {
            String answer = dripHeaders(socket, "POST /hooks/least HTTP/1.1\r\nHost: x\r\n");

            assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
            assertTrue(answer.contains("\r\nConnection: close\r\n"), answer);
            assertTrue(answer.endsWith("\r\n\r\nrequest timeout\n"), answer);
        }
        assertEquals(1, count(Reason.HEADER_TIMEOUT));
        assertEquals(0, server.deliveryCount());
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAtTheHeaderTimeoutWithoutAWord() throws Exception {
        start("headerTimeout: 300ms, idleTimeout: 30s");

        try (Socket silent = connect(GOOD, server.port())) {
            assertEquals("", readToEnd(silent));
        }
        assertEquals(1, count(Reason.HEADER_TIMEOUT));
    }

    @Test
    void onAKeptAliveConnectionTheDeadlineRunsFromTheFirstByteOfEachRequest() throws Exception {
        start("headerTimeout: 500ms, idleTimeout: 30s");

        try (Socket socket = connect(GOOD, server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(signedRequest("keep-alive").getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(readResponse(socket).startsWith("HTTP/1.1 200 "));

            // Idle between requests for longer than the header timeout: only the idle timeout counts then.
            TimeUnit.MILLISECONDS.sleep(1200);
            out.write(signedRequest("keep-alive").getBytes(StandardCharsets.ISO_8859_1));
            String second = readResponse(socket);
            assertTrue(second.startsWith("HTTP/1.1 200 "), second);
            assertEquals(0, count(Reason.HEADER_TIMEOUT));

            String third = dripHeaders(socket, "POST /hooks/least HTTP/1.1\r\n");
            assertTrue(third.startsWith("HTTP/1.1 408 "), third);
        }
        assertEquals(1, count(Reason.HEADER_TIMEOUT));
    }

    /**
     * Sends {@code start}, then one more header byte every 20 ms (never idle) until the server answers or closes;
     * returns the answer.
     */
    private static String dripHeaders(Socket socket, String start) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(start.getBytes(StandardCharsets.ISO_8859_1));
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return readToEnd(socket);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        byte[] header = "X-Slow: ".concat("s".repeat(4000)).getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < header.length && !answer.isDone(); i++) {
            try {
                out.write(header[i]);
                out.flush();
            } catch (SocketException closed) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return answer.get(20, TimeUnit.SECONDS);
    }
}
