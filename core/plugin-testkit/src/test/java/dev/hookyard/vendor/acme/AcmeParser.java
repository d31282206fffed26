package dev.hookyard.vendor.acme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.vendor.acme.events.OrderPlaced;
import dev.hookyard.vendor.support.MalformedBodyException;
import dev.hookyard.vendor.support.StrictJson;

// tag::parser[]
final class AcmeParser {

    private AcmeParser() {
    }

    static ParseResult parse(Delivery delivery) {
        ObjectNode body;
        try {
            body = StrictJson.EXACT_DECIMALS.readObject(delivery.body());
        } catch (MalformedBodyException e) {
            return ParseResult.malformed(e.getMessage());
        }
        JsonNode type = body.get("type");
        JsonNode orderId = body.get("order_id");
        if (type == null || !type.isTextual() || orderId == null || !orderId.isTextual()) {
            return ParseResult.malformed("type or order_id is missing or not a string");
        }
        // The same order event sent twice has the same key: Hookyard stores and handles it once.
        String key = "acme:" + type.asText() + ":" + orderId.asText();
        if (type.asText().equals(OrderPlaced.TYPE)) {
            return ParseResult.parsed(new OrderPlaced(orderId.asText(), key, delivery));
        }
        return ParseResult.parsed(new GenericEvent("acme", type.asText(), key, delivery));
    }
}
// end::parser[]
