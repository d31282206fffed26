package dev.hookyard.server.http;

import static dev.hookyard.server.testing.LoopbackClients.GOOD;
import static dev.hookyard.server.testing.LoopbackClients.OTHER;
import static dev.hookyard.server.testing.LoopbackClients.connect;
import static dev.hookyard.server.testing.LoopbackClients.deliver;
import static dev.hookyard.server.testing.LoopbackClients.readToEnd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.hookyard.server.http.RejectionCounters.Reason;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LogCapture;
import dev.hookyard.server.testing.LoopbackAttack;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code server.limits.maxConnectionsPerClient} over real sockets: one address ({@code 127.0.0.2}) gets no more
 * connections than the limit, whatever it does with them, while another ({@code 127.0.0.1}) is served, also through
 * an attack that combines slow headers, slow bodies and a connection flood; a trusted proxy, which carries many
 * clients, is not limited.
 */
class ClientConnectionLimitHttpTest {

    @TempDir
    Path home;

    private TestServer server;
    private LogCapture logs;
    private final List<Socket> held = new ArrayList<>();

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.capture();
    }

    @AfterEach
    void stop() throws Exception {
        for (Socket socket : held) {
            socket.close();
        }
        if (server != null) {
            server.close();
        }
        logs.close();
        assertEquals(List.of(), logs.atLeast(Level.ERROR), "no limit is an error");
    }

    private void start(String serverExtra) throws Exception {
        server = TestServer.start(home, """
                server: { host: 127.0.0.1, port: 0, %s }
                store: { path: data }
                """.formatted(serverExtra) + TestServer.LEAST_TO_REC, new RecordingHandlers());
    }

    private long count(Reason reason) {
        return server.hookyard().rejections().count(reason);
    }

    @Test
    void beyondTheLimitAClientsNewConnectionIsClosedAtOnceWhileOtherClientsAreServed() throws Exception {
        // A header timeout longer than the read timeout: only the per-client limit can close a connection here.
        start("limits: { maxConnectionsPerClient: 3, headerTimeout: 1m }");
        for (int i = 0; i < 3; i++) {
            held.add(connect(OTHER, server.port()));
        }

        try (Socket fourth = connect(OTHER, server.port())) {
            assertEquals("", readToEnd(fourth), "closed without an answer");
        }
        assertEquals(1, count(Reason.CLIENT_CONNECTION_LIMIT));
        String good = deliver(GOOD, server.port());
        assertTrue(good.startsWith("HTTP/1.1 200 "), good);

        // A connection closed by the client frees its place, once the server has seen it close.
        held.remove(0).close();
        Eventually.await(() -> deliver(OTHER, server.port()).startsWith("HTTP/1.1 200 "),
                () -> "127.0.0.2 never got its place back");
        assertTrue(logs.lines().stream().anyMatch(l -> l.level() == Level.WARN
                && l.message().startsWith("refused reason=client_connection_limit client=127.0.0.2 ")), logs.text());
    }

    /**
     * The trial of issue 12: while 127.0.0.2 floods the listener with idle connections, drips headers and drips bodies,
     * all at once, 127.0.0.1 keeps delivering. Without a per-client limit the attacker holds every one of
     * {@code maxConnections}; without a header deadline a dripping connection is held as long as it keeps dripping.
     */
    @Test
    void aGoodClientIsServedWhileAnotherAddressRunsSlowLorisSlowBodiesAndAConnectionFlood() throws Exception {
        int maxConnections = 32;
        start("limits: { maxConnections: %d, maxConnectionsPerClient: 8, headerTimeout: 1s, idleTimeout: 30s }"
                .formatted(maxConnections));

        try (LoopbackAttack attack = LoopbackAttack.start(server.port())) {
            // In full swing: the attacker has had more connections accepted than the whole listener has room for.
            Eventually.await(() -> attack.connections() >= 2 * maxConnections,
                    () -> "the attack never got going: " + attack.connections() + " connections");

            for (int i = 0; i < 10; i++) {
                String answer = deliver(GOOD, server.port());
                assertTrue(answer.startsWith("HTTP/1.1 200 "), "delivery " + i + ": " + answer);
            }
            Eventually.await(() -> count(Reason.HEADER_TIMEOUT) > 0, () -> "no slow-loris connection was cut");
        }
        assertTrue(count(Reason.CLIENT_CONNECTION_LIMIT) > 0);
    }

    @Test
    void connectionsFromATrustedProxyAreNotLimitedPerClient() throws Exception {
        start("trustedProxies: [\"127.0.0.2\"], limits: { maxConnectionsPerClient: 2 }");
        for (int i = 0; i < 2; i++) {
            held.add(connect(OTHER, server.port()));
        }

        String third = deliver(OTHER, server.port());

        assertTrue(third.startsWith("HTTP/1.1 200 "), third);
        assertEquals(0, count(Reason.CLIENT_CONNECTION_LIMIT));
    }
}
