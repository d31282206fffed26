package dev.hookyard.vendor.absorb;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Parser;
import dev.hookyard.vendor.absorb.events.AbsorbEvent;
import dev.hookyard.vendor.absorb.events.AbsorbEventKind;
import dev.hookyard.vendor.absorb.events.AdminEvent;
import dev.hookyard.vendor.absorb.events.LearnerEvent;
import dev.hookyard.vendor.support.MalformedBodyException;
import dev.hookyard.vendor.support.StrictJson;

import java.util.Optional;

/**
 * Parses Absorb bodies: a JSON object with an event name and a few ids (see {@link LeanPayload}). Names of the
 * documented events become an {@link AdminEvent} or a {@link LearnerEvent}; other names a {@link GenericEvent}
 * keeping the raw JSON with the name as sent, or, in strict mode, a malformed body. Malformed reasons are short
 * fixed texts that never echo the body.
 *
 * <p>The delivery key is built from the payload's correlation id when it has one, so a retry that differs in bytes
 * is still the same delivery; otherwise it is the SHA-256 of the raw body. Absorb calls the correlation id
 * information about the <em>transaction</em>, and one transaction (a bulk enrolment, say) may send several
 * webhooks: keying on it alone would drop all but the first as duplicates. So the key is the correlation id
 * narrowed by the event name and the user and admin it names ({@link #deliveryKey}). Deterministic and
 * thread-safe; never throws.
 */
final class AbsorbParser implements Parser {

    private final boolean strict;

    /** @param strict whether an unknown event name is malformed rather than a generic event */
    AbsorbParser(boolean strict) {
        this.strict = strict;
    }

    @Override
    public ParseResult parse(Delivery delivery) {
        LeanPayload payload;
        try {
            payload = LeanPayload.read(StrictJson.EXACT_DECIMALS.readObject(delivery.body()));
        } catch (MalformedBodyException e) {
            return ParseResult.malformed(e.getMessage());
        }
        Optional<AbsorbEventKind> kind = AbsorbEventKind.fromName(payload.eventName());
        String key = deliveryKey(payload, kind.map(AbsorbEventKind::type).orElse(payload.eventName()), delivery);
        if (kind.isEmpty()) {
            return strict ? ParseResult.malformed("unknown event type")
                    : ParseResult.parsed(new GenericEvent(AbsorbEvent.VENDOR, payload.eventName(), key, delivery));
        }
        return ParseResult.parsed(switch (kind.get().audience()) {
            case ADMIN -> new AdminEvent(kind.get(), payload.eventName(), payload.userId(), payload.adminId(),
                    payload.clientId(), payload.correlationId(), payload.fields(), key, delivery);
            case LEARNER -> new LearnerEvent(kind.get(), payload.eventName(), payload.userId(), payload.clientId(),
                    payload.correlationId(), payload.fields(), key, delivery);
        });
    }

    /**
     * {@code correlationId/type/userId/adminId} ({@code -} for an absent id), or the body's SHA-256 without a
     * correlation id. Long composites are hashed so a hostile payload cannot make keys of unbounded length.
     */
    static String deliveryKey(LeanPayload payload, String type, Delivery delivery) {
        if (payload.correlationId() == null) {
            return delivery.bodySha256();
        }
        String key = payload.correlationId() + "/" + type + "/" + orDash(payload.userId()) + "/"
                + orDash(payload.adminId());
        if (key.length() <= MAX_READABLE_KEY) {
            return key;
        }
        return "sha256:" + new Delivery(delivery.endpoint(), delivery.headers(),
                key.getBytes(java.nio.charset.StandardCharsets.UTF_8), delivery.receivedAt()).bodySha256();
    }

    private static final int MAX_READABLE_KEY = 200;

    private static String orDash(String id) {
        return id == null ? "-" : id;
    }
}
