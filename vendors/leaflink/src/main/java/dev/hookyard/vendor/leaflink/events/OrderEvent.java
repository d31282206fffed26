package dev.hookyard.vendor.leaflink.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.support.RecordArguments;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An order was created, edited or deleted ("NEW &amp; CHANGED ORDERS"): types {@value #CREATE}, {@value #EDIT} and
 * {@value #DELETE}.
 *
 * <p>Every typed component is lenient: a field that is absent, {@code null} or of an unexpected JSON type is
 * {@code null} (or empty), and its raw value stays in {@link #data()}. A genuine delivery is never turned away for
 * its fields, because LeafLink disables a webhook that keeps failing.
 *
 * @param action          the envelope's {@code action}
 * @param id              the wire {@code data.id} (a JSON number is given as its decimal text), or {@code null}
 * @param number          the wire {@code data.number}, the order number LeafLink shows and its API keys orders
 *                        by, or {@code null}
 * @param createdOn       the wire {@code data.created_on} as sent (see {@link #createdOnTime()}), or {@code null}
 * @param customer        the wire {@code data.customer}, or {@code null} when absent
 * @param orderedProducts the object entries of {@code data.orderedproduct_set} in order; empty when absent
 * @param data            the whole {@code data} object as plain Java values. Unmodifiable; the record keeps a
 *                        shallow copy
 * @param deliveryKey     SHA-256 of the raw body
 * @param delivery        the delivery it was parsed from
 */
public record OrderEvent(LeafLinkAction action, String id, String number, String createdOn, Customer customer,
                         List<OrderedProduct> orderedProducts, Map<String, Object> data, String deliveryKey,
                         Delivery delivery) implements LeafLinkEvent {

    /** The envelope's {@code type} of order events. */
    public static final String SUBJECT = "order";
    /** A new order. */
    public static final String CREATE = "order.create";
    /** A changed order (status, lines, ...). */
    public static final String EDIT = "order.edit";
    /** A deleted order. */
    public static final String DELETE = "order.delete";

    public OrderEvent {
        Objects.requireNonNull(action, "action");
        orderedProducts = List.copyOf(Objects.requireNonNull(orderedProducts, "orderedProducts"));
        data = RecordArguments.frozenMap(data, "data");
        RecordArguments.requireEnvelope(deliveryKey, delivery);
    }

    /** {@code order.} followed by the action's wire name. */
    @Override
    public String type() {
        return SUBJECT + "." + action.wireName();
    }

    /** {@link #createdOn()} as a timestamp with offset; empty when absent or not an ISO-8601 offset date-time. */
    public Optional<OffsetDateTime> createdOnTime() {
        return Timestamps.parse(createdOn);
    }
}
