package dev.hookyard.vendor.acme.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.WebhookEvent;

// tag::event[]
/** Acme's {@code order.placed}: a customer placed an order. */
public record OrderPlaced(String orderId, String deliveryKey, Delivery delivery) implements WebhookEvent {

    public static final String TYPE = "order.placed";

    @Override
    public String vendor() {
        return "acme";
    }

    @Override
    public String type() {
        return TYPE;
    }
}
// end::event[]
