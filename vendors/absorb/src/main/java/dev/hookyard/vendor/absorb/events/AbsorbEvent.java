package dev.hookyard.vendor.absorb.events;

import dev.hookyard.spi.WebhookEvent;

import java.util.Map;

/**
 * An event Absorb LMS sent, as a typed record: {@link AdminEvent} for the administrator events and
 * {@link LearnerEvent} for the learner events. Sealed, and {@link #kind()} is an enum, so a handler can switch over
 * either with the compiler checking the cases:
 *
 * <pre>{@code
 * if (event instanceof AbsorbEvent absorb) {
 *     switch (absorb.kind()) {
 *         case USER_CREATED -> crm.fetchAndUpsertUser(absorb.userId());
 *         case CERTIFICATE_AWARDED -> slack.post("Certificate for " + absorb.userId());
 *         default -> { }
 *     }
 * }
 * }</pre>
 *
 * <p>Absorb's payloads are lean by design: they say what happened and to whom, and a receiver fetches the rest
 * from Absorb's Integration API. Ids are kept as opaque strings exactly as sent (a JSON number becomes its
 * text); an id the payload does not carry is {@code null}. {@link #payload()} keeps every top-level field, so a
 * field Absorb adds later is not lost.
 *
 * <p>Event names Absorb does not document arrive as {@link dev.hookyard.spi.GenericEvent}, not as an
 * {@code AbsorbEvent}.
 */
public sealed interface AbsorbEvent extends WebhookEvent permits AdminEvent, LearnerEvent {

    /** The vendor id of every Absorb event: {@code "absorb"}. */
    String VENDOR = "absorb";

    /** Which documented event this is. */
    AbsorbEventKind kind();

    /** The event name exactly as sent (e.g. {@code "User Created"} or {@code "USER_CREATED"}), for logs. */
    String eventName();

    /** The learner who acted or was acted on, or {@code null} when the payload has none. */
    String userId();

    /** The Absorb client (portal) the event belongs to, or {@code null} when the payload has none. */
    String clientId();

    /** Absorb's id of the transaction that caused the event, or {@code null} when the payload has none. */
    String correlationId();

    /**
     * Every top-level field as sent, names as sent, as plain Java values (String, Long or BigInteger, BigDecimal,
     * Boolean, {@code null}, and unmodifiable List and Map for nested JSON). Unmodifiable.
     */
    Map<String, Object> payload();

    /** Always {@link #VENDOR}. */
    @Override
    default String vendor() {
        return VENDOR;
    }

    /** {@link AbsorbEventKind#type()} of {@link #kind()}, e.g. {@code "user-created"}. */
    @Override
    default String type() {
        return kind().type();
    }
}
