package dev.hookyard.server.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One append on its way to the disk: the delivery (headers already encoded by the request thread) and the future
 * its request waits on. The writer claims it before writing it; a request that gave up waiting abandons it first,
 * so an abandoned append is never written, and a claimed one is answered with its batch's outcome.
 */
public final class PendingAppend {

    private static final int QUEUED = 0;
    private static final int CLAIMED = 1;
    private static final int ABANDONED = 2;

    final NewDelivery delivery;
    final String headers;
    final CompletableFuture<AppendResult> result = new CompletableFuture<>();
    /** When it was made, just before it was queued (the watchdog fails it once it has waited too long). */
    final long queuedNanos = System.nanoTime();
    private final AtomicInteger state = new AtomicInteger(QUEUED);

    /** An append of {@code delivery}, its headers encoded by the request's thread ({@link StoredHeaders}). */
    public PendingAppend(NewDelivery delivery, String headers) {
        this.delivery = delivery;
        this.headers = headers;
    }

    /** The delivery to store. */
    public NewDelivery delivery() {
        return delivery;
    }

    /** Its headers as stored. */
    public String encodedHeaders() {
        return headers;
    }

    /** Bytes this append adds to a batch (body and headers, roughly). */
    long bytes() {
        return delivery.body().length + headers.length() + 256L;
    }

    /** The writer takes it; false if its request has given up. */
    boolean claim() {
        return state.compareAndSet(QUEUED, CLAIMED);
    }

    /** The request gives up; false if the writer has already taken it (its outcome will come). */
    boolean abandon() {
        return state.compareAndSet(QUEUED, ABANDONED);
    }
}
