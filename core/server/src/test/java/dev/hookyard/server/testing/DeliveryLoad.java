package dev.hookyard.server.testing;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Senders that deliver without pause from several threads until stopped, each delivery distinct, recording what
 * each was answered: load for tests that change the server under it.
 */
public final class DeliveryLoad implements AutoCloseable {

    /** One delivery sent: its sequence number, what was sent, and the status it got. */
    public record Sent(long sequence, String kind, int status) {
    }

    /** What to send next: a kind (for the test's bookkeeping) and the request itself. */
    public interface Sender {
        Sent send(long sequence);
    }

    private final List<Thread> threads = new ArrayList<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean running = true;

    private DeliveryLoad(int senders, Sender sender) {
        for (int i = 0; i < senders; i++) {
            Thread thread = new Thread(() -> {
                while (running) {
                    sent.add(sender.send(sequence.incrementAndGet()));
                }
            }, "test-sender-" + i);
            threads.add(thread);
            thread.start();
        }
    }

    public static DeliveryLoad start(int senders, Sender sender) {
        return new DeliveryLoad(senders, sender);
    }

    /** A sender of one kind, whose request is made by {@code post}. */
    public static Sender of(String kind, LongFunction<HttpResponse<String>> post) {
        return n -> new Sent(n, kind, post.apply(n).statusCode());
    }

    /** Everything answered so far. */
    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** How many were answered so far. */
    public int count() {
        return sent.size();
    }

    /** Waits until {@code more} deliveries beyond those answered now have been answered. */
    public void awaitMore(int more) {
        int target = count() + more;
        Eventually.await(() -> count() >= target, () -> "the senders got " + count() + " answers, not " + target);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
