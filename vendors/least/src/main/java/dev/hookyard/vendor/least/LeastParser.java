package dev.hookyard.vendor.least;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Parser;
import dev.hookyard.vendor.least.events.BadgeEarned;
import dev.hookyard.vendor.least.events.LeastEvent;
import dev.hookyard.vendor.least.events.LessonCompleted;
import dev.hookyard.vendor.least.events.LmsRuleEvent;
import dev.hookyard.vendor.least.events.RecordAction;
import dev.hookyard.vendor.least.events.RecordArchived;
import dev.hookyard.vendor.least.events.RecordCreated;
import dev.hookyard.vendor.least.events.WorkflowCompleted;
import dev.hookyard.vendor.support.EnvelopeFields;
import dev.hookyard.vendor.support.MalformedBodyException;
import dev.hookyard.vendor.support.PlainValues;
import dev.hookyard.vendor.support.StrictJson;

import java.util.Map;

/**
 * Parses LEAST bodies: a JSON object whose top-level {@code event} string names the event. Known names become the
 * records of {@code dev.hookyard.vendor.least.events}; other names become a {@link GenericEvent} keeping the raw
 * JSON, or, in strict mode, are malformed. Malformed reasons are short fixed texts that never echo the body.
 *
 * <p>Deterministic and thread-safe; never throws. The delivery key is the body's SHA-256, computed once per parse.
 */
final class LeastParser implements Parser {

    private final boolean strict;

    /** @param strict whether an unknown event name is malformed rather than a generic event */
    LeastParser(boolean strict) {
        this.strict = strict;
    }

    @Override
    public ParseResult parse(Delivery delivery) {
        try {
            ObjectNode root = StrictJson.EXACT_DECIMALS.readObject(delivery.body());
            return event(EnvelopeFields.nonBlankText(root, "event"), root, delivery);
        } catch (MalformedBodyException e) {
            return ParseResult.malformed(e.getMessage());
        }
    }

    private ParseResult event(String type, JsonNode root, Delivery delivery) throws MalformedBodyException {
        String key = delivery.bodySha256();
        return switch (type) {
            case RecordCreated.TYPE ->
                    parsed(new RecordCreated(IdFields.longId(root, "record_id"), data(root), key, delivery));
            case RecordAction.TYPE -> parsed(new RecordAction(IdFields.longId(root, "record_id"),
                    IdFields.intId(root, "action_id"), key, delivery));
            case RecordArchived.TYPE -> parsed(new RecordArchived(IdFields.longId(root, "record_id"), key, delivery));
            case LessonCompleted.TYPE ->
                    parsed(new LessonCompleted(IdFields.longId(root, "intLessonId"), key, delivery));
            case BadgeEarned.TYPE -> parsed(new BadgeEarned(IdFields.longId(root, "intBadgeId"), key, delivery));
            case WorkflowCompleted.TYPE ->
                    parsed(new WorkflowCompleted(IdFields.longId(root, "intInstanceId"), key, delivery));
            default -> other(type, root, key, delivery);
        };
    }

    private ParseResult other(String type, JsonNode root, String key, Delivery delivery) {
        if (LmsRuleEvent.TYPES.contains(type)) {
            return parsed(new LmsRuleEvent(type, PlainValues.ofObject(root), key, delivery));
        }
        if (strict) {
            return ParseResult.malformed("unknown event type");
        }
        return ParseResult.parsed(new GenericEvent(LeastEvent.VENDOR, type, key, delivery));
    }

    /** {@code data} of a {@code record.created}: absent or {@code null} is no fields, anything but an object is bad. */
    private static Map<String, Object> data(JsonNode root) throws MalformedBodyException {
        JsonNode data = root.get("data");
        if (data == null || data.isNull()) {
            return Map.of();
        }
        if (!data.isObject()) {
            throw new MalformedBodyException("data is not an object");
        }
        return PlainValues.ofObject(data);
    }

    private static ParseResult parsed(LeastEvent event) {
        return ParseResult.parsed(event);
    }
}
