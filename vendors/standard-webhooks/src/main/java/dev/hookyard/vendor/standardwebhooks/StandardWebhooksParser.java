package dev.hookyard.vendor.standardwebhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Parser;
import dev.hookyard.vendor.standardwebhooks.events.StandardWebhookEvent;
import dev.hookyard.vendor.support.EnvelopeFields;
import dev.hookyard.vendor.support.MalformedBodyException;
import dev.hookyard.vendor.support.OneHeader;
import dev.hookyard.vendor.support.PlainValues;
import dev.hookyard.vendor.support.StrictJson;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Parses Standard Webhooks bodies: a JSON object whose top-level {@code type} string names the event, as the
 * specification recommends (it allows other payloads, but a receiver must know the type to route). Every type becomes
 * a {@link StandardWebhookEvent}, keyed by the message id header; there is no strict mode, since every type is the
 * sender's own. Malformed reasons are short fixed texts that never echo the body.
 *
 * <p>Lenient inside the envelope, because the specification only recommends it: {@code timestamp} and {@code data}
 * that are absent or of another shape are {@code null} and empty, their raw values kept in the payload.
 * Deterministic and thread-safe; never throws.
 */
final class StandardWebhooksParser implements Parser {

    private final HeaderPrefix prefix;

    StandardWebhooksParser(HeaderPrefix prefix) {
        this.prefix = prefix;
    }

    @Override
    public ParseResult parse(Delivery delivery) {
        try {
            ObjectNode root = StrictJson.EXACT_DECIMALS.readObject(delivery.body());
            String type = EnvelopeFields.nonBlankText(root, "type");
            OneHeader id = MessageId.read(delivery.headers(), prefix);
            if (id instanceof OneHeader.Refused refused) {
                // Only reachable for a delivery that was not verified: a verified one has a valid id.
                return ParseResult.malformed(refused.detail());
            }
            return ParseResult.parsed(new StandardWebhookEvent(type, ((OneHeader.Present) id).value(),
                    occurredAt(root.get("timestamp")), data(root.get("data")), PlainValues.ofObject(root), delivery));
        } catch (MalformedBodyException e) {
            return ParseResult.malformed(e.getMessage());
        }
    }

    private static Instant occurredAt(JsonNode timestamp) {
        if (timestamp == null || !timestamp.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(timestamp.textValue()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Map<String, Object> data(JsonNode data) {
        return data != null && data.isObject() ? PlainValues.ofObject(data) : Map.of();
    }
}
