package dev.hookyard.vendor.leaflink;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.leaflink.events.Customer;
import dev.hookyard.vendor.leaflink.events.LeafLinkAction;
import dev.hookyard.vendor.leaflink.events.OrderEvent;
import dev.hookyard.vendor.leaflink.events.OrderedProduct;
import dev.hookyard.vendor.support.PlainValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds an {@link OrderEvent} from the envelope's {@code data} object, leniently (see {@link LenientFields}). */
final class OrderReader {

    private OrderReader() {
    }

    /** @param data the envelope's {@code data} object (an empty object when the envelope has none) */
    static OrderEvent read(LeafLinkAction action, JsonNode data, String deliveryKey, Delivery delivery) {
        return new OrderEvent(action,
                LenientFields.text(data, "id"),
                LenientFields.text(data, "number"),
                LenientFields.text(data, "created_on"),
                customer(data.get("customer")),
                orderedProducts(data.get("orderedproduct_set")),
                PlainValues.ofObject(data),
                deliveryKey,
                delivery);
    }

    /** An object gives all fields; a bare number or string is the customer's id alone; anything else, none. */
    private static Customer customer(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            return new Customer(LenientFields.text(node, "id"), LenientFields.text(node, "name"),
                    LenientFields.text(node, "license_number"), PlainValues.ofObject(node));
        }
        String id = LenientFields.text(node);
        return id == null ? null : new Customer(id, null, null, Map.of());
    }

    /** The object entries in order; other entries are left to {@code data} rather than guessed at. */
    private static List<OrderedProduct> orderedProducts(JsonNode node) {
        if (node == null || !node.isArray()) {
            return List.of();
        }
        List<OrderedProduct> lines = new ArrayList<>(node.size());
        for (JsonNode line : node) {
            if (line.isObject()) {
                lines.add(new OrderedProduct(LenientFields.text(line, "id"), productId(line.get("product")),
                        LenientFields.decimal(line, "quantity"), PlainValues.ofObject(line)));
            }
        }
        return lines;
    }

    /** {@code product} is an id in LeafLink's API, or an object with an {@code id} when expanded. */
    private static String productId(JsonNode product) {
        if (product != null && product.isObject()) {
            return LenientFields.text(product, "id");
        }
        return LenientFields.text(product);
    }
}
