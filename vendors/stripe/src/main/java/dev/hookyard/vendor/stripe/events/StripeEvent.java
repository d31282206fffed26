package dev.hookyard.vendor.stripe.events;

import dev.hookyard.spi.WebhookEvent;

import java.util.Map;

/**
 * A Stripe event of a type this module reads into typed components: {@link PaymentIntentSucceeded},
 * {@link ChargeRefunded}, {@link CustomerCreated} and {@link InvoicePaid}. Sealed, so a handler's {@code switch}
 * over it is checked for exhaustiveness.
 *
 * <p>Stripe sends some two hundred other types; they arrive as {@link dev.hookyard.spi.GenericEvent} with the type
 * as sent and the raw JSON, not as a {@code StripeEvent}.
 *
 * <p>The delivery key is the event's {@code id} ({@code evt_...}): Stripe sends the same id with every retry of an
 * event, so a retry, or a replay of a captured delivery, is a duplicate and never handled twice.
 */
public sealed interface StripeEvent extends WebhookEvent
        permits PaymentIntentSucceeded, ChargeRefunded, CustomerCreated, InvoicePaid {

    /** The vendor id of every Stripe event: {@code "stripe"}. */
    String VENDOR = "stripe";

    /** The event's own fields: id, creation time, mode and API version. */
    EventEnvelope envelope();

    /**
     * The wire {@code data.object}, the object the event is about, as plain Java values (String, Long or BigInteger,
     * BigDecimal, Boolean, {@code null}, and unmodifiable List and Map): it carries many more fields than the typed
     * components. Unmodifiable.
     */
    Map<String, Object> object();

    /** Always {@link #VENDOR}. */
    @Override
    default String vendor() {
        return VENDOR;
    }

    /** The event id, {@link EventEnvelope#id()}. */
    @Override
    default String deliveryKey() {
        return envelope().id();
    }
}
