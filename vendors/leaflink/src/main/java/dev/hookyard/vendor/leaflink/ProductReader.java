package dev.hookyard.vendor.leaflink;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.leaflink.events.LeafLinkAction;
import dev.hookyard.vendor.leaflink.events.ProductEvent;
import dev.hookyard.vendor.support.PlainValues;

/** Builds a {@link ProductEvent} from the envelope's {@code data} object, leniently (see {@link LenientFields}). */
final class ProductReader {

    private ProductReader() {
    }

    /** @param data the envelope's {@code data} object (an empty object when the envelope has none) */
    static ProductEvent read(LeafLinkAction action, JsonNode data, String deliveryKey, Delivery delivery) {
        return new ProductEvent(action,
                LenientFields.text(data, "id"),
                LenientFields.text(data, "sku"),
                LenientFields.text(data, "modified"),
                PlainValues.ofObject(data),
                deliveryKey,
                delivery);
    }
}
