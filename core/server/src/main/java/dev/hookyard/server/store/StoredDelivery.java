package dev.hookyard.server.store;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Headers;
import java.time.Instant;

/**
 * A delivery as kept in the store.
 *
 * @param id          store id
 * @param endpoint    endpoint name
 * @param vendor      vendor id
 * @param eventType   event type wire name
 * @param deliveryKey dedup key
 * @param headers     request headers, credentials masked
 * @param body        raw body bytes
 * @param receivedAt  when it arrived
 * @param status      {@link DeliveryStatus}
 */
public record StoredDelivery(long id, String endpoint, String vendor, String eventType, String deliveryKey,
                             Headers headers, byte[] body, Instant receivedAt, DeliveryStatus status) {

    /** The delivery as handed to parsers and handlers. */
    public Delivery toDelivery() {
        return new Delivery(endpoint, headers, body, receivedAt);
    }
}
