package dev.hookyard.server.testing;

import static dev.hookyard.server.testing.LeastFixtures.SIGNATURE_HEADER;
import static dev.hookyard.server.testing.LeastFixtures.SPEC_SIGNATURE;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Three attackers at {@link LoopbackClients#OTHER}, each on a thread of its own until stopped, as in the trial of
 * issue 12: a flood of idle connections, slow loris (request headers dripped a byte at a time) and slow bodies (a
 * large body declared, then dripped); every dripping connection the server closes is opened again at once.
 */
public final class LoopbackAttack implements AutoCloseable {

    private static final String HEAD = "POST /hooks/least HTTP/1.1\r\nHost: x\r\n";
    /** Dripping connections per attacker: they take turns, one byte each. */
    private static final int DRIPPING = 8;

    private final int port;
    private final AtomicInteger connected = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();
    private volatile boolean running = true;

    private LoopbackAttack(int port) {
        this.port = port;
    }

    /** Starts all three against the server on {@code port}. */
    public static LoopbackAttack start(int port) {
        LoopbackAttack attack = new LoopbackAttack(port);
        attack.run("flood", attack::flood);
        attack.run("slow-loris", () -> attack.drip(HEAD));
        attack.run("slow-body", () -> attack.drip(HEAD + SIGNATURE_HEADER + ": " + SPEC_SIGNATURE
                + "\r\nContent-Length: 100000\r\n\r\n"));
        return attack;
    }

    /** How many connections the attackers have had accepted by the operating system so far. */
    public int connections() {
        return connected.get();
    }

    private void run(String name, Runnable attacker) {
        Thread thread = new Thread(attacker, "attack-" + name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    /** Opens connections as fast as they are accepted and keeps them, idle, up to a thousand. */
    private void flood() {
        for (int i = 0; running && i < 1000; i++) {
            open();
        }
    }

    /** Connections that send {@code head}, then one byte each every 50 ms; each one closed is opened again. */
    private void drip(String head) {
        Socket[] dripping = new Socket[DRIPPING];
        while (running) {
            for (int i = 0; i < dripping.length && running; i++) {
                try {
                    if (dripping[i] == null) {
                        dripping[i] = open();
                        if (dripping[i] == null) {
                            continue;
                        }
                        dripping[i].getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
                    }
                    OutputStream out = dripping[i].getOutputStream();
                    out.write('x');
                    out.flush();
                } catch (IOException closedByTheServer) {
                    dripping[i] = null;
                }
            }
            pause(50 / DRIPPING);
        }
    }

    /** A new connection from the attacker's address, kept until {@link #close()}; null if none was made. */
    private Socket open() {
        try {
            Socket socket = LoopbackClients.connect(LoopbackClients.OTHER, port);
            connected.incrementAndGet();
            synchronized (sockets) {
                sockets.add(socket);
            }
            return socket;
        } catch (IOException refusedOrTimedOut) {
            return null;
        }
    }

    /** Stops the attackers and closes every connection they made. */
    @Override
    public void close() throws Exception {
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

    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
