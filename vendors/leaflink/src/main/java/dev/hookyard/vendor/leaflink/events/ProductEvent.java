package dev.hookyard.vendor.leaflink.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.support.RecordArguments;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A product was created, edited or deleted ("NEW &amp; CHANGED PRODUCTS", and the product webhooks an order action
 * fans out into): types {@value #CREATE}, {@value #EDIT} and {@value #DELETE}.
 *
 * <p>Every typed component is lenient: a field that is absent, {@code null} or of an unexpected JSON type is
 * {@code null}, and its raw value stays in {@link #data()}.
 *
 * @param action      the envelope's {@code action}
 * @param id          the wire {@code data.id} (a JSON number is given as its decimal text), or {@code null}
 * @param sku         the wire {@code data.sku}, or {@code null}
 * @param modified    the wire {@code data.modified} as sent (see {@link #modifiedTime()}), or {@code null}
 * @param data        the whole {@code data} object as plain Java values. Unmodifiable; the record keeps a shallow copy
 * @param deliveryKey SHA-256 of the raw body
 * @param delivery    the delivery it was parsed from
 */
public record ProductEvent(LeafLinkAction action, String id, String sku, String modified, Map<String, Object> data,
                           String deliveryKey, Delivery delivery) implements LeafLinkEvent {

    /** The envelope's {@code type} of product events. */
    public static final String SUBJECT = "product";
    /** A new product. */
    public static final String CREATE = "product.create";
    /** A changed product (price, inventory, ...). */
    public static final String EDIT = "product.edit";
    /** A deleted product. */
    public static final String DELETE = "product.delete";

    public ProductEvent {
        Objects.requireNonNull(action, "action");
        data = RecordArguments.frozenMap(data, "data");
        RecordArguments.requireEnvelope(deliveryKey, delivery);
    }

    /** {@code product.} followed by the action's wire name. */
    @Override
    public String type() {
        return SUBJECT + "." + action.wireName();
    }

    /** {@link #modified()} as a timestamp with offset; empty when absent or not an ISO-8601 offset date-time. */
    public Optional<OffsetDateTime> modifiedTime() {
        return Timestamps.parse(modified);
    }
}
