package dev.hookyard.vendor.stripe;

import dev.hookyard.spi.EventCatalog;
import dev.hookyard.spi.EventType;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.vendor.stripe.events.ChargeRefunded;
import dev.hookyard.vendor.stripe.events.CustomerCreated;
import dev.hookyard.vendor.stripe.events.InvoicePaid;
import dev.hookyard.vendor.stripe.events.PaymentIntentSucceeded;

import java.util.List;

/**
 * The Stripe event types this module lists: the four it reads into records, and six more that most integrations
 * handle, which arrive as {@link GenericEvent}s (listed so that routes can name them; every other Stripe type parses
 * the same way, and is routed with a glob such as {@code customer.subscription.*}).
 *
 * <p>The samples are shaped like Stripe's events (envelope fields as Stripe sends them, API version
 * {@value #API_VERSION}), with their objects cut to the fields a handler of that type needs; ids are made up, and each
 * sample has its own event id, since the event id is the delivery key.
 */
final class StripeEventCatalog {

    static final String API_VERSION = "2024-06-20";

    private static final String CUSTOMER = "\"customer\":\"cus_QHookyardSample1\"";
    private static final String PAYMENT_INTENT = "pi_3PHookyardSample01";

    static final EventCatalog CATALOG = new EventCatalog(List.of(
            type(1, PaymentIntentSucceeded.TYPE, "A PaymentIntent completed its payment.",
                    PaymentIntentSucceeded.class, "{\"id\":\"" + PAYMENT_INTENT + "\",\"object\":\"payment_intent\","
                            + "\"amount\":2000,\"amount_received\":2000,\"currency\":\"usd\"," + CUSTOMER
                            + ",\"latest_charge\":\"ch_3PHookyardSample01\",\"status\":\"succeeded\"}"),
            type(2, "payment_intent.payment_failed", "A PaymentIntent failed to take a payment (generic event).",
                    GenericEvent.class, "{\"id\":\"pi_3PHookyardSample02\",\"object\":\"payment_intent\","
                            + "\"amount\":2000,\"amount_received\":0,\"currency\":\"usd\"," + CUSTOMER
                            + ",\"last_payment_error\":{\"code\":\"card_declined\",\"decline_code\":"
                            + "\"insufficient_funds\",\"message\":\"Your card has insufficient funds.\"},"
                            + "\"status\":\"requires_payment_method\"}"),
            type(3, "charge.succeeded", "A charge succeeded (generic event).", GenericEvent.class,
                    "{\"id\":\"ch_3PHookyardSample01\",\"object\":\"charge\",\"amount\":2000,"
                            + "\"amount_captured\":2000,\"amount_refunded\":0,\"currency\":\"usd\"," + CUSTOMER
                            + ",\"paid\":true,\"payment_intent\":\"" + PAYMENT_INTENT + "\",\"refunded\":false,"
                            + "\"status\":\"succeeded\"}"),
            type(4, ChargeRefunded.TYPE, "A charge was refunded, in full or in part.", ChargeRefunded.class,
                    "{\"id\":\"ch_3PHookyardSample01\",\"object\":\"charge\",\"amount\":2000,"
                            + "\"amount_captured\":2000,\"amount_refunded\":2000,\"currency\":\"usd\"," + CUSTOMER
                            + ",\"paid\":true,\"payment_intent\":\"" + PAYMENT_INTENT + "\",\"refunded\":true,"
                            + "\"status\":\"succeeded\"}"),
            type(5, "checkout.session.completed", "A Checkout Session was completed (generic event).",
                    GenericEvent.class, "{\"id\":\"cs_test_HookyardSample01\",\"object\":\"checkout.session\","
                            + "\"amount_total\":2000,\"currency\":\"usd\"," + CUSTOMER + ",\"mode\":\"payment\","
                            + "\"payment_intent\":\"" + PAYMENT_INTENT + "\",\"payment_status\":\"paid\","
                            + "\"status\":\"complete\"}"),
            type(6, CustomerCreated.TYPE, "A customer was created.", CustomerCreated.class,
                    "{\"id\":\"cus_QHookyardSample1\",\"object\":\"customer\",\"created\":1714550400,"
                            + "\"email\":\"jenny.rosen@example.com\",\"livemode\":false,\"name\":\"Jenny Rosen\"}"),
            type(7, "customer.subscription.created", "A customer signed up for a subscription (generic event).",
                    GenericEvent.class, "{\"id\":\"sub_1PHookyardSample1\",\"object\":\"subscription\"," + CUSTOMER
                            + ",\"items\":{\"object\":\"list\",\"data\":[{\"id\":\"si_QHookyardSample1\","
                            + "\"price\":{\"id\":\"price_1PHookyardSample1\",\"currency\":\"usd\","
                            + "\"recurring\":{\"interval\":\"month\"},\"unit_amount\":1500},\"quantity\":1}]},"
                            + "\"status\":\"active\"}"),
            type(8, "customer.subscription.deleted", "A customer's subscription ended (generic event).",
                    GenericEvent.class, "{\"id\":\"sub_1PHookyardSample1\",\"object\":\"subscription\","
                            + "\"canceled_at\":1717228800," + CUSTOMER + ",\"status\":\"canceled\"}"),
            type(9, InvoicePaid.TYPE, "An invoice was paid, or marked paid out of band.", InvoicePaid.class,
                    "{\"id\":\"in_1PHookyardSample1\",\"object\":\"invoice\",\"amount_due\":1500,"
                            + "\"amount_paid\":1500,\"billing_reason\":\"subscription_cycle\",\"currency\":\"usd\","
                            + CUSTOMER + ",\"status\":\"paid\"}"),
            type(10, "invoice.payment_failed", "A payment attempt for an invoice failed (generic event).",
                    GenericEvent.class, "{\"id\":\"in_1PHookyardSample2\",\"object\":\"invoice\",\"amount_due\":1500,"
                            + "\"amount_paid\":0,\"attempt_count\":1,\"currency\":\"usd\"," + CUSTOMER
                            + ",\"next_payment_attempt\":1717315200,\"status\":\"open\"}")));

    private StripeEventCatalog() {
    }

    /** An event of {@code type} about {@code object}, with the sample's own event id. */
    private static EventType type(int sample, String type, String description,
                                  Class<? extends WebhookEvent> eventClass, String object) {
        String body = "{\"id\":\"evt_1PHookyardSample" + String.format("%02d", sample) + "\",\"object\":\"event\","
                + "\"api_version\":\"" + API_VERSION + "\",\"created\":" + (1714550400 + sample * 60L)
                + ",\"data\":{\"object\":" + object + "},\"livemode\":false,\"pending_webhooks\":1,"
                + "\"request\":{\"id\":null,\"idempotency_key\":null},\"type\":\"" + type + "\"}";
        return new EventType(type, description, eventClass, body);
    }
}
