package dev.hookyard.server.activity;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Fans intake events out to the console's live-tail viewers. The request path asks {@link #watched()} (one volatile
 * read) before it builds an event, so with nobody watching it costs nothing else. Each viewer has a bounded queue: a
 * viewer that reads too slowly loses the oldest events, and is told how many, rather than slowing intake or holding
 * memory.
 */
public final class LiveTail {

    /** Events queued per viewer before the oldest are dropped. */
    static final int QUEUE = 256;

    private final Set<Subscription> subscriptions = new CopyOnWriteArraySet<>();
    private final int maxViewers;
    private volatile int viewers;
    private volatile boolean closed;

    /** @param maxViewers viewers at once (each holds a management thread while it watches) */
    public LiveTail(int maxViewers) {
        this.maxViewers = maxViewers;
    }

    /** Whether anybody watches: the only thing the request path asks when nobody does. */
    public boolean watched() {
        return viewers > 0;
    }

    /** Hands {@code event} to every viewer. */
    public void publish(TailEvent event) {
        for (Subscription subscription : subscriptions) {
            subscription.offer(event);
        }
    }

    /** A new viewer, or empty when {@code maxViewers} already watch or the tail is closed. */
    public synchronized Optional<Subscription> subscribe() {
        if (closed || subscriptions.size() >= maxViewers) {
            return Optional.empty();
        }
        Subscription subscription = new Subscription();
        subscriptions.add(subscription);
        viewers = subscriptions.size();
        return Optional.of(subscription);
    }

    /** Ends every subscription (the management server stops); no new one is taken. */
    public synchronized void close() {
        closed = true;
        subscriptions.forEach(Subscription::end);
    }

    private synchronized void remove(Subscription subscription) {
        subscriptions.remove(subscription);
        viewers = subscriptions.size();
    }

    /** What one viewer gets next. */
    public sealed interface Next {
        /** An event, after {@code missed} events dropped because the viewer was too slow. */
        record Event(TailEvent event, long missed) implements Next {
        }

        /** Nothing arrived within the wait: time for a keep-alive. */
        record Idle() implements Next {
        }

        /** The tail was closed. */
        record Ended() implements Next {
        }
    }

    /** One viewer's queue; close it when the viewer goes. */
    public final class Subscription implements AutoCloseable {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition arrived = lock.newCondition();
        private final ArrayDeque<TailEvent> queue = new ArrayDeque<>();
        private long missed;
        private boolean ended;

        private Subscription() {
        }

        void offer(TailEvent event) {
            lock.lock();
            try {
                if (queue.size() == QUEUE) {
                    queue.removeFirst();
                    missed++;
                }
                queue.addLast(event);
                arrived.signal();
            } finally {
                lock.unlock();
            }
        }

        void end() {
            lock.lock();
            try {
                ended = true;
                arrived.signal();
            } finally {
                lock.unlock();
            }
        }

        /** The next event, waiting at most {@code maxWaitMillis}. */
        public Next next(long maxWaitMillis) throws InterruptedException {
            lock.lock();
            try {
                long nanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
                while (queue.isEmpty() && !ended && nanos > 0) {
                    nanos = arrived.awaitNanos(nanos);
                }
                if (ended) {
                    return new Next.Ended();
                }
                if (queue.isEmpty()) {
                    return new Next.Idle();
                }
                long dropped = missed;
                missed = 0;
                return new Next.Event(queue.removeFirst(), dropped);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            remove(this);
        }
    }
}
