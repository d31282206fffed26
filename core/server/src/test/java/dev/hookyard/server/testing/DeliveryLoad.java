package dev.hookyard.server.testing;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Senders that deliver without pause from several threads until stopped, each delivery distinct, recording what
 * each was answered: load for tests that change the server under it.
 */
public final class DeliveryLoad implements AutoCloseable {

    /**
     * One delivery sent.
     *
     * @param kind          what the test sent (e.g. which secret signed it)
     * @param key           its delivery key
     * @param status        the status it was answered
     * @param sentNanos     {@link System#nanoTime()} before it was sent
     * @param answeredNanos {@link System#nanoTime()} once it was answered
     */
    public record Sent(String kind, String key, int status, long sentNanos, long answeredNanos) {
    }

    /** A delivery to send: what kind it is, its key, and the request. */
    public record Request(String kind, String key, Supplier<HttpResponse<String>> post) {
    }

    /** Makes the delivery with this sequence number (distinct for every delivery of the load). */
    public interface Sender {
        Request next(long sequence);
    }

    private final List<Thread> threads = new ArrayList<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean running = true;

    private DeliveryLoad(int senders, Sender sender) {
        for (int i = 0; i < senders; i++) {
            Thread thread = new Thread(() -> {
                while (running) {
                    Request request = sender.next(sequence.incrementAndGet());
                    long before = System.nanoTime();
                    int status = request.post().get().statusCode();
                    sent.add(new Sent(request.kind(), request.key(), status, before, System.nanoTime()));
                }
            }, "test-sender-" + i);
            threads.add(thread);
            thread.start();
        }
    }

    public static DeliveryLoad start(int senders, Sender sender) {
        return new DeliveryLoad(senders, sender);
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
