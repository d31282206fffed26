package dev.hookyard.vendor.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Parser;
import dev.hookyard.vendor.stripe.events.ChargeRefunded;
import dev.hookyard.vendor.stripe.events.CustomerCreated;
import dev.hookyard.vendor.stripe.events.EventEnvelope;
import dev.hookyard.vendor.stripe.events.InvoicePaid;
import dev.hookyard.vendor.stripe.events.PaymentIntentSucceeded;
import dev.hookyard.vendor.stripe.events.StripeEvent;
import dev.hookyard.vendor.support.EnvelopeFields;
import dev.hookyard.vendor.support.MalformedBodyException;
import dev.hookyard.vendor.support.PlainValues;
import dev.hookyard.vendor.support.StrictJson;
import dev.hookyard.vendor.support.UnixSeconds;

import java.time.Instant;
import java.util.Map;

/**
 * Parses Stripe events: a JSON object whose {@code type} names the event and whose {@code id} ({@code evt_...}) is
 * the delivery key. The four types of {@link StripeEvent} become their records, read from the event's
 * {@code created}, {@code livemode}, {@code api_version} and {@code data.object}; every other type becomes a
 * {@link GenericEvent} keeping the raw JSON, which needs nothing but {@code type} and {@code id} (so thin events and
 * types Stripe adds later are kept too). There is no strict mode: Stripe adds event types with new API versions, and
 * a refused genuine event is retried for days and then disables the endpoint. Malformed reasons are short fixed
 * texts that never echo the body.
 *
 * <p>Deterministic and thread-safe; never throws.
 */
final class StripeParser implements Parser {

    private static final long MAX_CREATED = 999_999_999_999L;

    @Override
    public ParseResult parse(Delivery delivery) {
        try {
            ObjectNode root = StrictJson.EXACT_DECIMALS.readObject(delivery.body());
            String type = EnvelopeFields.nonBlankText(root, "type");
            String id = StripeFields.id(root, "id", "id");
            return ParseResult.parsed(switch (type) {
                case PaymentIntentSucceeded.TYPE -> paymentIntentSucceeded(root, id, delivery);
                case ChargeRefunded.TYPE -> chargeRefunded(root, id, delivery);
                case CustomerCreated.TYPE -> customerCreated(root, id, delivery);
                case InvoicePaid.TYPE -> invoicePaid(root, id, delivery);
                default -> new GenericEvent(StripeEvent.VENDOR, type, id, delivery);
            });
        } catch (MalformedBodyException e) {
            return ParseResult.malformed(e.getMessage());
        }
    }

    private static PaymentIntentSucceeded paymentIntentSucceeded(JsonNode root, String id, Delivery delivery)
            throws MalformedBodyException {
        EventEnvelope envelope = envelope(root, id);
        JsonNode object = object(root);
        return new PaymentIntentSucceeded(envelope, StripeFields.id(object, "id", "data.object.id"),
                StripeFields.wholeNumber(object, "amount", "data.object.amount"),
                StripeFields.wholeNumber(object, "amount_received", "data.object.amount_received"),
                StripeFields.text(object, "currency", "data.object.currency"),
                StripeFields.optionalText(object, "customer", "data.object.customer"), plain(object), delivery);
    }

    private static ChargeRefunded chargeRefunded(JsonNode root, String id, Delivery delivery)
            throws MalformedBodyException {
        EventEnvelope envelope = envelope(root, id);
        JsonNode object = object(root);
        return new ChargeRefunded(envelope, StripeFields.id(object, "id", "data.object.id"),
                StripeFields.wholeNumber(object, "amount", "data.object.amount"),
                StripeFields.wholeNumber(object, "amount_refunded", "data.object.amount_refunded"),
                StripeFields.text(object, "currency", "data.object.currency"),
                StripeFields.optionalText(object, "payment_intent", "data.object.payment_intent"),
                StripeFields.optionalText(object, "customer", "data.object.customer"), plain(object), delivery);
    }

    private static CustomerCreated customerCreated(JsonNode root, String id, Delivery delivery)
            throws MalformedBodyException {
        EventEnvelope envelope = envelope(root, id);
        JsonNode object = object(root);
        return new CustomerCreated(envelope, StripeFields.id(object, "id", "data.object.id"),
                StripeFields.optionalText(object, "email", "data.object.email"),
                StripeFields.optionalText(object, "name", "data.object.name"), plain(object), delivery);
    }

    private static InvoicePaid invoicePaid(JsonNode root, String id, Delivery delivery)
            throws MalformedBodyException {
        EventEnvelope envelope = envelope(root, id);
        JsonNode object = object(root);
        return new InvoicePaid(envelope, StripeFields.id(object, "id", "data.object.id"),
                StripeFields.optionalText(object, "customer", "data.object.customer"),
                StripeFields.wholeNumber(object, "amount_paid", "data.object.amount_paid"),
                StripeFields.text(object, "currency", "data.object.currency"), plain(object), delivery);
    }

    private static JsonNode object(JsonNode root) throws MalformedBodyException {
        return StripeFields.object(StripeFields.object(root, "data", "data"), "object", "data.object");
    }

    private static EventEnvelope envelope(JsonNode root, String id) throws MalformedBodyException {
        long created = StripeFields.wholeNumber(root, "created", "created");
        if (created < 0 || created > MAX_CREATED) {
            throw new MalformedBodyException("created is not a Unix time in seconds (up to "
                    + UnixSeconds.MAX_DIGITS + " digits)");
        }
        return new EventEnvelope(id, Instant.ofEpochSecond(created), StripeFields.bool(root, "livemode", "livemode"),
                StripeFields.optionalText(root, "api_version", "api_version"));
    }

    private static Map<String, Object> plain(JsonNode object) {
        return PlainValues.ofObject(object);
    }
}
