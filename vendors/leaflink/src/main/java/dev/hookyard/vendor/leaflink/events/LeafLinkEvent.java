package dev.hookyard.vendor.leaflink.events;

import dev.hookyard.spi.WebhookEvent;

import java.util.Map;

/**
 * An event LeafLink sent, as a typed record: an {@link OrderEvent} or a {@link ProductEvent}. Sealed, so a handler's
 * {@code switch} over it is checked for exhaustiveness.
 *
 * <p>The event type name is {@code <type>.<action>} from the envelope {@code {"action":..., "type":..., "data":...}}:
 * {@code order.create}, {@code order.edit}, {@code order.delete}, {@code product.create}, {@code product.edit},
 * {@code product.delete}; routes can glob on it ({@code order.*}). Other combinations arrive as
 * {@link dev.hookyard.spi.GenericEvent} with a type name built the same way.
 *
 * <p>LeafLink sends no delivery id, so {@link #deliveryKey()} is the SHA-256 of the raw body. One order action fans
 * out into one order webhook plus one product webhook per product; each has its own body and so its own key.
 */
public sealed interface LeafLinkEvent extends WebhookEvent permits OrderEvent, ProductEvent {

    /** The vendor id of every LeafLink event: {@code "leaflink"}. */
    String VENDOR = "leaflink";

    /** Always {@link #VENDOR}. */
    @Override
    default String vendor() {
        return VENDOR;
    }

    /** The envelope's {@code action}. */
    LeafLinkAction action();

    /**
     * The envelope's whole {@code data} object as plain Java values (String, Long or BigInteger, BigDecimal, Boolean,
     * {@code null}, and unmodifiable List and Map for nested JSON): real payloads carry many more fields than the
     * typed components. Empty when the envelope has no {@code data}.
     */
    Map<String, Object> data();
}
