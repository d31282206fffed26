package dev.hookyard.vendor.falkor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Parser;
import dev.hookyard.vendor.falkor.events.Enrolments;
import dev.hookyard.vendor.falkor.events.Events;
import dev.hookyard.vendor.falkor.events.FalkorEvent;
import dev.hookyard.vendor.falkor.events.Pathway;
import dev.hookyard.vendor.falkor.events.Rewards;
import dev.hookyard.vendor.support.EnvelopeFields;
import dev.hookyard.vendor.support.MalformedBodyException;
import dev.hookyard.vendor.support.StrictJson;

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
        try {
            // Doubles, not exact decimals: LenientFields prints numbers with asText(), which has always given 24.5
            // for 24.50 here.
            ObjectNode root = StrictJson.DOUBLES.readObject(delivery.body());
            String type = EnvelopeFields.nonBlankText(root, "type");
            JsonNode data = root.get("data");
            if (data == null || data.isNull()) {
                throw new MalformedBodyException("data is missing");
            }
            if (!data.isObject()) {
                throw new MalformedBodyException("data is not an object");
            }
            return event(type, data, delivery);
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
