package dev.hookyard.spi;

/**
 * An event whose type the vendor's parser does not know (a new event type the vendor added, say). It keeps the
 * raw JSON so that nothing is lost and handlers can still act on it.
 *
 * @param vendor      the vendor id
 * @param type        the type name as sent
 * @param deliveryKey the dedup key (see {@link WebhookEvent#deliveryKey()})
 * @param delivery    the delivery, raw body included
 */
public record GenericEvent(String vendor, String type, String deliveryKey, Delivery delivery)
        implements WebhookEvent {

    public GenericEvent {
        Checks.notBlank(vendor, "vendor");
        Checks.notBlank(type, "type");
        Checks.notBlank(deliveryKey, "deliveryKey");
        Checks.notNull(delivery, "delivery");
    }

    /** The raw JSON body as text. */
    public String json() {
        return delivery.bodyText();
    }
}
