package dev.hookyard.server.store;

import dev.hookyard.spi.Headers;
import java.time.Instant;
import java.util.List;

/**
 * A verified, parsed delivery about to be stored, with the handlers its routes select. The handlers are stored
 * with it in the same transaction, so that once the sender has its 2xx, the work owed to every handler survives
 * a crash.
 *
 * @param endpoint    endpoint name
 * @param vendor      vendor id
 * @param eventType   event type wire name
 * @param deliveryKey dedup key, unique per endpoint
 * @param headers     request headers (credentials are masked before storing)
 * @param body        raw body bytes (not copied: the caller hands over ownership)
 * @param receivedAt  when it arrived
 * @param handlers    names of the handlers to run, possibly none
 */
public record NewDelivery(String endpoint, String vendor, String eventType, String deliveryKey, Headers headers,
                          byte[] body, Instant receivedAt, List<String> handlers) {
    public NewDelivery {
        handlers = List.copyOf(handlers);
    }
}
