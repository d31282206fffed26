package dev.hookyard.server.http;

import static dev.hookyard.server.testing.LeastFixtures.SIGNATURE_HEADER;
import static dev.hookyard.server.testing.LeastFixtures.SPEC_SIGNATURE;
import static dev.hookyard.server.testing.LoopbackClients.GOOD;
import static dev.hookyard.server.testing.LoopbackClients.OTHER;
import static dev.hookyard.server.testing.LoopbackClients.connect;
import static dev.hookyard.server.testing.LoopbackClients.deliver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.hookyard.server.http.RejectionCounters.Reason;
import dev.hookyard.server.testing.Eventually;
import dev.hookyard.server.testing.LogCapture;
import dev.hookyard.server.testing.RecordingHandlers;
import dev.hookyard.server.testing.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trial of issue 12 over real sockets: one address ({@code 127.0.0.2}) floods the listener with idle
 * connections, drips request headers (slow loris) and drips bodies, all at once and replacing every connection the
 * server closes, while a client at another address ({@code 127.0.0.1}) keeps delivering. Without a per-client
 * connection limit the attacker holds every one of {@code maxConnections}, and without a header deadline a dripping
 * connection is held for as long as the attacker likes.
 */
class ListenerUnderAttackTest {

    private static final int MAX_CONNECTIONS = 32;

    @TempDir
    Path home;

    private TestServer server;
    private LogCapture logs;
    private Attack attack;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.capture();
    }

    @AfterEach
    void stop() throws Exception {
        if (attack != null) {
            attack.stop();
        }
        if (server != null) {
            server.close();
        }
        logs.close();
        assertEquals(List.of(), logs.atLeast(Level.ERROR), "no attack is an error");
    }

    @Test
    void aGoodClientIsServedWhileAnotherAddressRunsSlowLorisSlowBodiesAndAConnectionFlood() throws Exception {
        server = TestServer.start(home, """
                server:
                  host: 127.0.0.1
                  port: 0
                  limits: { maxConnections: %d, maxConnectionsPerClient: 8, headerTimeout: 1s, idleTimeout: 30s }
                store: { path: data }
                """.formatted(MAX_CONNECTIONS) + TestServer.LEAST_TO_REC, new RecordingHandlers());
        attack = new Attack(server.port());
        // In full swing: the attacker has had more connections accepted than the whole listener has room for.
        Eventually.await(() -> attack.connected.get() >= 2 * MAX_CONNECTIONS,
                () -> "the attack never got going: " + attack.connected.get() + " connections");

        for (int i = 0; i < 10; i++) {
            String answer = deliver(GOOD, server.port());
            assertTrue(answer.startsWith("HTTP/1.1 200 "), "delivery " + i + ": " + answer);
        }

        Eventually.await(() -> count(Reason.HEADER_TIMEOUT) > 0, () -> "no slow-loris connection was cut");
        assertTrue(count(Reason.CLIENT_CONNECTION_LIMIT) > 0);
    }

    private long count(Reason reason) {
        return server.hookyard().rejections().count(reason);
    }

    /** Three attackers at {@code 127.0.0.2}, each on a thread of its own until stopped. */
    private static final class Attack {

        private static final String HEAD = "POST /hooks/least HTTP/1.1\r\nHost: x\r\n";

        private final int port;
        private final AtomicInteger connected = new AtomicInteger();
        private final List<Thread> threads = new ArrayList<>();
        private final List<Socket> sockets = new ArrayList<>();
        private volatile boolean running = true;

        Attack(int port) {
            this.port = port;
            start("flood", this::flood);
            start("slow-loris", () -> drip(HEAD));
            start("slow-body", () -> drip(HEAD + SIGNATURE_HEADER + ": " + SPEC_SIGNATURE
                    + "\r\nContent-Length: 100000\r\n\r\n"));
        }

        private void start(String name, Runnable attacker) {
            Thread thread = new Thread(attacker, "attack-" + name);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }

        /** Opens connections as fast as they are accepted and keeps them, idle, up to a thousand. */
        private void flood() {
            for (int i = 0; running && i < 1000; i++) {
                Socket socket = open();
                if (socket != null) {
                    keep(socket);
                }
            }
        }

        /** Eight connections that send {@code head}, then one byte every 50 ms; each one closed is opened again. */
        private void drip(String head) {
            Socket[] dripping = new Socket[8];
            while (running) {
                for (int i = 0; i < dripping.length && running; i++) {
                    try {
                        if (dripping[i] == null) {
                            dripping[i] = open();
                            if (dripping[i] == null) {
                                continue;
                            }
                            keep(dripping[i]);
                            dripping[i].getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
                        }
                        OutputStream out = dripping[i].getOutputStream();
                        out.write('x');
                        out.flush();
                    } catch (IOException closedByTheServer) {
                        dripping[i] = null;
                    }
                }
                sleepMillis(50 / dripping.length);
            }
        }

        private Socket open() {
            try {
                Socket socket = connect(OTHER, port);
                connected.incrementAndGet();
                return socket;
            } catch (IOException refusedOrTimedOut) {
                return null;
            }
        }

        private void keep(Socket socket) {
            synchronized (sockets) {
                sockets.add(socket);
            }
        }

        void stop() throws Exception {
            running = false;
            for (Thread thread : threads) {
                thread.join(10_000);
            }
            synchronized (sockets) {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }

        private static void sleepMillis(long millis) {
            try {
                TimeUnit.MILLISECONDS.sleep(Math.max(1, millis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
