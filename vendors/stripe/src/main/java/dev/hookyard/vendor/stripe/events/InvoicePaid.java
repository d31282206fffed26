package dev.hookyard.vendor.stripe.events;

import dev.hookyard.spi.Delivery;
import dev.hookyard.vendor.support.RecordArguments;

import java.util.Map;
import java.util.Objects;

/**
 * {@code invoice.paid}: an invoice was paid (or marked paid out of band).
 *
 * @param envelope   the event's own fields
 * @param invoiceId  {@code data.object.id}, e.g. {@code in_1MtHbELkdIwHu7ixl4OzzPMv}
 * @param customerId {@code data.object.customer} ({@code cus_...}), or {@code null}
 * @param amountPaid {@code data.object.amount_paid}, in the currency's smallest unit
 * @param currency   {@code data.object.currency}, lower-case ISO 4217
 * @param object     {@code data.object} as plain values, see {@link StripeEvent#object()}
 * @param delivery   the delivery it was parsed from
 */
public record InvoicePaid(EventEnvelope envelope, String invoiceId, String customerId, long amountPaid,
                          String currency, Map<String, Object> object, Delivery delivery) implements StripeEvent {

    /** The wire name. */
    public static final String TYPE = "invoice.paid";

    public InvoicePaid {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(currency, "currency");
        object = RecordArguments.frozenMap(object, "object");
        RecordArguments.requireEnvelope(envelope.id(), delivery);
    }

    /** Always {@link #TYPE}. */
    @Override
    public String type() {
        return TYPE;
    }
}
