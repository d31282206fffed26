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

import java.io.IOException;
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
        JsonNode root;
        try {
            root = LeafLinkJson.read(delivery.body());
        } catch (IOException | RuntimeException e) {
            // Hostile bytes reach Jackson here; whatever it throws, the body is not acceptable JSON.
            return ParseResult.malformed("body is not JSON");
        }
        if (root == null || root.isMissingNode()) {
            return ParseResult.malformed("body is empty");
        }
        if (!root.isObject()) {
            return ParseResult.malformed("body is not a JSON object");
        }
        Optional<String> problem = nonEmptyStringProblem(root, "type")
                .or(() -> nonEmptyStringProblem(root, "action"));
        if (problem.isPresent()) {
            return ParseResult.malformed(problem.get());
        }
        JsonNode data = root.get("data");
        if (data == null || data.isNull()) {
            data = JsonNodeFactory.instance.objectNode();
        } else if (!data.isObject()) {
            return ParseResult.malformed("data is not an object");
        }
        String subject = root.get("type").textValue();
        String actionName = root.get("action").textValue();
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

    /** Why {@code root.field} is not a non-empty string, in a fixed text; empty if it is one. */
    private static Optional<String> nonEmptyStringProblem(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.of(field + " is missing");
        }
        if (!node.isTextual()) {
            return Optional.of(field + " is not a string");
        }
        if (node.textValue().isBlank()) {
            return Optional.of(field + " is empty");
        }
        return Optional.empty();
    }

    private static ParseResult parsed(LeafLinkEvent event) {
        return ParseResult.parsed(event);
    }
}
