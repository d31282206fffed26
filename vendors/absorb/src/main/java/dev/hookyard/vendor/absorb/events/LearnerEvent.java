package dev.hookyard.vendor.absorb.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.support.RecordArguments;

import java.util.Map;

/**
 * A learner event: one of the eight {@link AbsorbEventKind}s whose {@link AbsorbEventKind#audience()} is
 * {@link AbsorbAudience#LEARNER} ("Certificate Awarded", "Learning Path Completed", ...). Absorb sends no admin id
 * with these; should a payload carry one anyway, it is still in {@link #payload()}.
 *
 * @param kind          which event, always a learner kind
 * @param eventName     the event name exactly as sent
 * @param userId        the learner who acted, or {@code null} when the payload has none
 * @param clientId      the Absorb client (portal), or {@code null} when the payload has none
 * @param correlationId Absorb's transaction id, or {@code null} when the payload has none
 * @param payload       every top-level field as plain values (see {@link AbsorbEvent#payload()}); the record keeps
 *                      an unmodifiable shallow copy
 * @param deliveryKey   the correlation id when the payload has one, otherwise the SHA-256 of the raw body
 * @param delivery      the delivery it was parsed from
 */
public record LearnerEvent(AbsorbEventKind kind, String eventName, String userId, String clientId,
                           String correlationId, Map<String, Object> payload, String deliveryKey, Delivery delivery)
        implements AbsorbEvent {

    public LearnerEvent {
        EventChecks.kind(kind, AbsorbAudience.LEARNER);
        EventChecks.envelope(eventName, deliveryKey, delivery);
        payload = RecordArguments.frozenMap(payload, "payload");
    }
}
