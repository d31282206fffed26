package dev.hookyard.vendor.absorb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Parser;
import dev.hookyard.vendor.absorb.events.AbsorbEvent;
import dev.hookyard.vendor.absorb.events.AbsorbEventKind;
import dev.hookyard.vendor.absorb.events.AdminEvent;
import dev.hookyard.vendor.absorb.events.LearnerEvent;

import java.io.IOException;
import java.util.Optional;

/**
 * Parses Absorb bodies: a JSON object with an event name and a few ids (see {@link LeanPayload}). Names of the
 * documented events become an {@link AdminEvent} or a {@link LearnerEvent}; other names a {@link GenericEvent}
 * keeping the raw JSON with the name as sent, or, in strict mode, a malformed body. Malformed reasons are short
 * fixed texts that never echo the body.
 *
 * <p>The delivery key is the payload's correlation id when it has one, so a retry that differs in bytes is still
 * the same delivery, otherwise the SHA-256 of the raw body. Deterministic and thread-safe; never throws.
 */
final class AbsorbParser implements Parser {

    private final boolean strict;

    /** @param strict whether an unknown event name is malformed rather than a generic event */
    AbsorbParser(boolean strict) {
        this.strict = strict;
    }

    @Override
    public ParseResult parse(Delivery delivery) {
        JsonNode root;
        try {
            root = AbsorbJson.read(delivery.body());
        } catch (IOException | RuntimeException e) {
            // Jackson reads hostile bytes here; whatever it throws, the body is simply not acceptable JSON.
            return ParseResult.malformed("body is not JSON");
        }
        if (root == null || root.isMissingNode()) {
            return ParseResult.malformed("body is empty");
        }
        if (!root.isObject()) {
            return ParseResult.malformed("body is not a JSON object");
        }
        LeanPayload payload;
        try {
            payload = LeanPayload.read(root);
        } catch (MalformedBodyException e) {
            return ParseResult.malformed(e.getMessage());
        }
        String key = payload.correlationId() != null ? payload.correlationId() : delivery.bodySha256();
        Optional<AbsorbEventKind> kind = AbsorbEventKind.fromName(payload.eventName());
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
}
