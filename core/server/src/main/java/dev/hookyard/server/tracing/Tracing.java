package dev.hookyard.server.tracing;

import dev.hookyard.server.store.StoredDelivery;

/**
 * Makes the spans of deliveries and handler attempts. {@link #OFF} (tracing not configured) makes none and
 * allocates nothing: it hands out the same do-nothing traces to every request and call, so the delivery path costs
 * what it cost before tracing existed.
 */
public interface Tracing extends AutoCloseable {

    /** Tracing off. */
    Tracing OFF = new Tracing() {
        @Override
        public DeliveryTrace receive(String endpoint, String vendor) {
            return DeliveryTrace.NONE;
        }

        @Override
        public AttemptTrace attempt(StoredDelivery delivery, String handler, int attempt) {
            return AttemptTrace.NONE;
        }

        @Override
        public void close() {
        }
    };

    /** Starts the trace of one request that reached {@code endpoint}: its root span, receive. */
    DeliveryTrace receive(String endpoint, String vendor);

    /**
     * Starts the span of one handler attempt, in a trace of its own linked to the delivery's trace when that is still
     * known (see {@link DeliveryLinks}).
     *
     * @param attempt the attempt's number, from 1
     */
    AttemptTrace attempt(StoredDelivery delivery, String handler, int attempt);

    /** Exports what is still buffered and stops exporting. */
    @Override
    void close();
}
