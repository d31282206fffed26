package dev.hookyard.spi;

/**
 * An event parsed from a verified delivery. Vendor modules implement it with immutable records in their exported
 * {@code events} package, one per event type; event types a parser does not know arrive as {@link GenericEvent}.
 *
 * <p>Handlers may pattern-match on the vendor's record types, or use {@link #delivery()} for the raw body.
 */
public interface WebhookEvent {

    /** The {@link VendorFactory#id()} of the vendor that parsed it. */
    String vendor();

    /** The event type's wire name as the vendor sends it (e.g. {@code "record.created"}). */
    String type();

    /**
     * The key that identifies this delivery for deduplication: a vendor-given id where one exists, otherwise
     * {@link Delivery#bodySha256()}. Two deliveries with the same key at one endpoint are one delivery.
     */
    String deliveryKey();

    /** The delivery it was parsed from, raw body included. */
    Delivery delivery();
}
