package dev.hookyard.server.tracing;

import io.opentelemetry.api.trace.SpanContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The span context of recently stored deliveries, by delivery id, so that each handler attempt (run later, on another
 * thread, perhaps after a retry's wait) can link to the trace of the delivery it works on. Kept in memory only and
 * bounded: the oldest entries go first, so an attempt long after its delivery (or after a restart) is traced without
 * the link; its {@code hookyard.delivery.id} attribute still names the delivery.
 */
final class DeliveryLinks {

    /** Some 200 bytes each: a few MiB at most, and minutes of deliveries at a high rate. */
    static final int CAPACITY = 10_000;

    private final Map<Long, SpanContext> byDelivery;

    DeliveryLinks(int capacity) {
        this.byDelivery = new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, SpanContext> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void put(long deliveryId, SpanContext context) {
        byDelivery.put(deliveryId, context);
    }

    /** The delivery's span context, or null once forgotten. */
    synchronized SpanContext get(long deliveryId) {
        return byDelivery.get(deliveryId);
    }
}
