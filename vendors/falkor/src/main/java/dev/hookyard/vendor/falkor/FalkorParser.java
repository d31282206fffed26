package dev.hookyard.vendor.falkor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Parser;
import dev.hookyard.vendor.falkor.events.Enrolments;
import dev.hookyard.vendor.falkor.events.Events;
import dev.hookyard.vendor.falkor.events.FalkorEvent;
import dev.hookyard.vendor.falkor.events.Pathway;
import dev.hookyard.vendor.falkor.events.Rewards;

import java.io.IOException;

/**
 * Parses Falkor bodies: the envelope {@code {"type": <string>, "data": <object>}}, where {@code type} is
 * {@code enrolments}, {@code events} or {@code rewards} and {@code data} holds the pathway and the batch. Known
 * types become the records of {@code dev.hookyard.vendor.falkor.events}; other types become a {@link GenericEvent}
 * keeping the raw JSON, or, in strict mode, are malformed. Type names are matched exactly, as Falkor sends them.
 *
 * <p>The envelope is checked for every type, unknown ones included, since every Falkor body has it; inside
 * {@code data}, fields are read leniently (see {@link LenientFields}), so {@code {"type":"rewards","data":{}}} (the
 * spec's test vector) is an empty batch. Malformed reasons are short fixed texts that never echo the body.
 *
 * <p>Deterministic and thread-safe; never throws. The delivery key is the body's SHA-256.
 */
final class FalkorParser implements Parser {

    private final boolean strict;

    /** @param strict whether an unknown type is malformed rather than a generic event */
    FalkorParser(boolean strict) {
        this.strict = strict;
    }

    @Override
    public ParseResult parse(Delivery delivery) {
        JsonNode root;
        try {
            root = FalkorJson.read(delivery.body());
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
        JsonNode type = root.get("type");
        if (type == null || type.isNull()) {
            return ParseResult.malformed("type is missing");
        }
        if (!type.isTextual()) {
            return ParseResult.malformed("type is not a string");
        }
        if (type.textValue().isBlank()) {
            return ParseResult.malformed("type is empty");
        }
        JsonNode data = root.get("data");
        if (data == null || data.isNull()) {
            return ParseResult.malformed("data is missing");
        }
        if (!data.isObject()) {
            return ParseResult.malformed("data is not an object");
        }
        try {
            return event(type.textValue(), data, delivery);
        } catch (MalformedBodyException e) {
            return ParseResult.malformed(e.getMessage());
        }
    }

    private ParseResult event(String type, JsonNode data, Delivery delivery) throws MalformedBodyException {
        String key = delivery.bodySha256();
        FalkorEvent event = switch (type) {
            case Enrolments.TYPE -> new Enrolments(pathway(data), EnrolmentsReader.read(data), key, delivery);
            case Events.TYPE -> new Events(pathway(data), EventsReader.read(data), key, delivery);
            case Rewards.TYPE -> new Rewards(pathway(data), RewardsReader.read(data), key, delivery);
            default -> null;
        };
        if (event != null) {
            return ParseResult.parsed(event);
        }
        if (strict) {
            return ParseResult.malformed("unknown event type");
        }
        return ParseResult.parsed(new GenericEvent(FalkorEvent.VENDOR, type, key, delivery));
    }

    private static Pathway pathway(JsonNode data) throws MalformedBodyException {
        JsonNode pathway = LenientFields.object(data, "pathway", "data.pathway");
        return pathway == null ? null
                : new Pathway(LenientFields.text(pathway, "name"), LenientFields.text(pathway, "ID"));
    }
}
