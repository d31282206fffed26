package dev.hookyard.server.store;

import java.time.Instant;
import java.util.Map;

/**
 * One line of a delivery listing.
 *
 * @param id          store id
 * @param endpoint    endpoint name
 * @param vendor      vendor id
 * @param eventType   event type
 * @param deliveryKey dedup key
 * @param receivedAt  when it arrived
 * @param status      where it stands
 * @param bodyBytes   body size
 * @param runs        handler name to run status, sorted by name
 */
public record DeliverySummary(long id, String endpoint, String vendor, String eventType, String deliveryKey,
                              Instant receivedAt, DeliveryStatus status, int bodyBytes, Map<String, RunStatus> runs) {
}
