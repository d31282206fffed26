package dev.hookyard.vendor.absorb.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.support.RecordArguments;

import java.util.Map;

/**
 * An administrator event: one of the sixteen {@link AbsorbEventKind}s whose {@link AbsorbEventKind#audience()} is
 * {@link AbsorbAudience#ADMIN} ("User Created", "Course Bundle Deleted", ...).
 *
 * @param kind          which event, always an admin kind
 * @param eventName     the event name exactly as sent
 * @param userId        the learner the action was on behalf of, or {@code null} when the payload has none
 * @param adminId       the admin who performed the action, or {@code null} when the payload has none
 * @param clientId      the Absorb client (portal), or {@code null} when the payload has none
 * @param correlationId Absorb's transaction id, or {@code null} when the payload has none
 * @param payload       every top-level field as plain values (see {@link AbsorbEvent#payload()}); the record keeps
 *                      an unmodifiable shallow copy
 * @param deliveryKey   the correlation id when the payload has one, otherwise the SHA-256 of the raw body
 * @param delivery      the delivery it was parsed from
 */
public record AdminEvent(AbsorbEventKind kind, String eventName, String userId, String adminId, String clientId,
                         String correlationId, Map<String, Object> payload, String deliveryKey, Delivery delivery)
        implements AbsorbEvent {

    public AdminEvent {
        EventChecks.kind(kind, AbsorbAudience.ADMIN);
        EventChecks.envelope(eventName, deliveryKey, delivery);
        payload = RecordArguments.frozenMap(payload, "payload");
    }
}
