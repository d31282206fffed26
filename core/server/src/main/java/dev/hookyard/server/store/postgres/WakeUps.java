package dev.hookyard.server.store.postgres;

import dev.hookyard.server.store.RunsDueListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wake-ups between the nodes sharing a store, by PostgreSQL's LISTEN/NOTIFY: whoever makes runs due that no
 * dispatcher was told of (a replay, from any node or the CLI; a node giving its claims back as it stops) announces
 * it on the schema's channel, and each node's listener wakes its dispatcher, rather than leave the runs to its next
 * poll. The listener holds a connection of its own and reconnects by itself; after a reconnect it wakes the
 * dispatcher once, since announcements made meanwhile were missed.
 */
final class WakeUps implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WakeUps.class);
    private static final int POLL_MILLIS = 500;
    private static final long MAX_BACKOFF_MILLIS = 5_000;
    private static final long STARTUP_WAIT_SECONDS = 10;

    private final PostgresDatabase database;
    private final RunsDueListener listener;
    private final Thread thread;
    /** Open once the first LISTEN is in place (or has failed): announcements made after that are heard. */
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile boolean running = true;

    private WakeUps(PostgresDatabase database, RunsDueListener listener) {
        this.database = database;
        this.listener = listener;
        this.thread = new Thread(this::listen, "hookyard-listen");
        thread.setDaemon(true);
    }

    /**
     * Starts listening on the schema's channel, telling {@code listener} of every announcement; returns once the
     * channel is listened to (so that what is announced from then on is heard), or once that has failed.
     */
    static WakeUps listen(PostgresDatabase database, RunsDueListener listener) {
        WakeUps wakeUps = new WakeUps(database, listener);
        wakeUps.thread.start();
        try {
            wakeUps.started.await(STARTUP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return wakeUps;
    }

    /** Announces, with the transaction of {@code connection} (delivered when it commits), that runs are due. */
    static void announce(Connection connection, String channel) throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, '')")) {
            notify.setString(1, channel);
            notify.execute();
        }
    }

    private void listen() {
        long backoff = 100;
        boolean missed = false;
        while (running) {
            try (Connection connection = database.dedicatedConnection()) {
                try (Statement s = connection.createStatement()) {
                    s.execute("LISTEN " + database.channel());
                }
                started.countDown();
                if (missed) {
                    LOG.info("Listening for wake-ups again");
                    tell();
                }
                backoff = 100;
                missed = false;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        tell();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                started.countDown();
                if (!missed) {
                    LOG.warn("Lost the wake-up channel (runs due elsewhere wait for the next poll): {}",
                            e.getMessage());
                }
                missed = true;
                pause(backoff);
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            }
        }
    }

    private void tell() {
        try {
            listener.runsDue();
        } catch (RuntimeException e) {
            LOG.warn("A wake-up listener failed: {}", e.toString());
        }
    }

    private void pause(long millis) {
        synchronized (this) {
            try {
                if (running) {
                    wait(millis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            running = false;
            notifyAll();
        }
        try {
            thread.join(2 * POLL_MILLIS + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
