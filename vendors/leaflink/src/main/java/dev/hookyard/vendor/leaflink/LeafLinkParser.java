package dev.hookyard.vendor.leaflink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Parser;
import dev.hookyard.vendor.leaflink.events.LeafLinkAction;
import dev.hookyard.vendor.leaflink.events.LeafLinkEvent;
import dev.hookyard.vendor.leaflink.events.OrderEvent;
import dev.hookyard.vendor.leaflink.events.ProductEvent;
import dev.hookyard.vendor.support.EnvelopeFields;
import dev.hookyard.vendor.support.MalformedBodyException;
import dev.hookyard.vendor.support.StrictJson;

import java.util.Optional;

/**
 * Parses LeafLink's envelope {@code {"action":"create"|"edit"|"delete","type":"order"|"product","data":{...}}} into
 * an {@link OrderEvent} or a {@link ProductEvent}, whose type name is {@code <type>.<action>}. Any other
 * {@code type}/{@code action} pair becomes a {@link GenericEvent} named the same way, keeping the raw JSON, or, in
 * strict mode, is malformed. Names are case-sensitive, as LeafLink sends them.
 *
 * <p>Malformed (400) only when the body is not the envelope: not a JSON object, {@code type} or {@code action} not a
 * non-empty string, or {@code data} present but not an object. Fields inside {@code data} never fail a delivery
 * (see {@link LenientFields}). Reasons are short fixed texts that never echo the body.
 *
 * <p>Deterministic and thread-safe; never throws. The delivery key is the body's SHA-256: LeafLink sends no id.
 */
final class LeafLinkParser implements Parser {

    private final boolean strict;

    /** @param strict whether an unknown type/action pair is malformed rather than a generic event */
    LeafLinkParser(boolean strict) {
        this.strict = strict;
    }

    @Override
    public ParseResult parse(Delivery delivery) {
        try {
            return event(StrictJson.EXACT_DECIMALS.readObject(delivery.body()), delivery);
        } catch (MalformedBodyException e) {
            return ParseResult.malformed(e.getMessage());
        }
    }

    private ParseResult event(JsonNode root, Delivery delivery) throws MalformedBodyException {
        String subject = EnvelopeFields.nonBlankText(root, "type");
        String actionName = EnvelopeFields.nonBlankText(root, "action");
        JsonNode data = root.get("data");
        if (data == null || data.isNull()) {
            data = JsonNodeFactory.instance.objectNode();
        } else if (!data.isObject()) {
            throw new MalformedBodyException("data is not an object");
        }
        Optional<LeafLinkAction> action = LeafLinkAction.fromWireName(actionName);
        String key = delivery.bodySha256();
        if (action.isPresent() && subject.equals(OrderEvent.SUBJECT)) {
            return parsed(OrderReader.read(action.get(), data, key, delivery));
        }
        if (action.isPresent() && subject.equals(ProductEvent.SUBJECT)) {
            return parsed(ProductReader.read(action.get(), data, key, delivery));
        }
        if (strict) {
            return ParseResult.malformed("unknown event type");
        }
        return ParseResult.parsed(new GenericEvent(LeafLinkEvent.VENDOR, subject + "." + actionName, key, delivery));
    }

    private static ParseResult parsed(LeafLinkEvent event) {
        return ParseResult.parsed(event);
    }
}
