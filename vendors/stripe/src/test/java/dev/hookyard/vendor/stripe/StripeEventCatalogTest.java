package dev.hookyard.vendor.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.EventType;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verification;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.testkit.SignedDeliveries;
import dev.hookyard.testkit.VendorContexts;
import dev.hookyard.vendor.stripe.events.ChargeRefunded;
import dev.hookyard.vendor.stripe.events.PaymentIntentSucceeded;
import dev.hookyard.vendor.stripe.events.StripeEvent;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StripeEventCatalogTest {

    private static final String SECRET = "whsec_catalog_test";

    private final Vendor stripe = StripeVendors.vendor(SECRET);
    private final SignedDeliveries signed = SignedDeliveries.of(stripe, "stripe", Secret.of(SECRET),
            VendorContexts.FIXED_CLOCK);

    private WebhookEvent event(String type) {
        Delivery delivery = signed.sample(type);
        assertInstanceOf(Verification.Verified.class, stripe.verifier().verify(delivery), type);
        return assertInstanceOf(ParseResult.Parsed.class, stripe.parser().parse(delivery)).event();
    }

    @Test
    void listsTheFourTypedTypesAndSixCommonGenericOnes() {
        assertEquals(List.of("payment_intent.succeeded", "payment_intent.payment_failed", "charge.succeeded",
                "charge.refunded", "checkout.session.completed", "customer.created", "customer.subscription.created",
                "customer.subscription.deleted", "invoice.paid", "invoice.payment_failed"), stripe.catalog().names());
    }

    @Test
    void everySampleVerifiesAndParsesToItsClassWithItsOwnEventId() {
        Set<String> keys = new HashSet<>();
        for (EventType type : stripe.catalog().types()) {
            WebhookEvent event = event(type.name());
            assertInstanceOf(type.eventClass(), event, type.name());
            assertEquals(type.name(), event.type());
            assertTrue(event.deliveryKey().startsWith("evt_"), event.deliveryKey());
            keys.add(event.deliveryKey());
            boolean typed = event instanceof StripeEvent;
            assertEquals(typed, type.eventClass() != GenericEvent.class, type.name());
        }
        assertEquals(stripe.catalog().types().size(), keys.size(), "each sample is its own event");
    }

    @Test
    void theTypedSamplesCarryTheirFields() {
        PaymentIntentSucceeded succeeded = (PaymentIntentSucceeded) event("payment_intent.succeeded");
        assertEquals(2000, succeeded.amount());
        assertEquals("usd", succeeded.currency());
        assertEquals("2024-06-20", succeeded.envelope().apiVersion());
        ChargeRefunded refunded = (ChargeRefunded) event("charge.refunded");
        assertTrue(refunded.isFullyRefunded());
        assertEquals(succeeded.paymentIntentId(), refunded.paymentIntentId());
    }
}
