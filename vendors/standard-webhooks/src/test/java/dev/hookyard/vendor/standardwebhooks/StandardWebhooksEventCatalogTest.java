package dev.hookyard.vendor.standardwebhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.EventType;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verification;
import dev.hookyard.testkit.SignedDeliveries;
import dev.hookyard.testkit.VendorContexts;
import dev.hookyard.vendor.standardwebhooks.events.StandardWebhookEvent;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StandardWebhooksEventCatalogTest {

    private static final String KEY = "whsec_Y2F0YWxvZy10ZXN0LWtleS0yNC1ieXRlcy1sb25n";

    @Test
    void listsTheSpecificationsExampleTypes() {
        assertEquals(List.of("example.event", "contact.created", "invoice.paid"),
                StandardWebhooksEventCatalog.CATALOG.names());
    }

    @Test
    void everySampleIsSignedVerifiedAndParsedWithItsOwnMessageId() {
        Vendor vendor = StandardWebhooksVendors.vendor(Map.of(), VendorContexts.FIXED_CLOCK, KEY);
        SignedDeliveries signed = SignedDeliveries.of(vendor, "standard-webhooks", Secret.of(KEY),
                VendorContexts.FIXED_CLOCK);
        Set<String> keys = new HashSet<>();
        for (EventType type : vendor.catalog().types()) {
            Delivery delivery = signed.sample(type);
            assertInstanceOf(Verification.Verified.class, vendor.verifier().verify(delivery), type.name());
            StandardWebhookEvent event = assertInstanceOf(StandardWebhookEvent.class,
                    assertInstanceOf(ParseResult.Parsed.class, vendor.parser().parse(delivery)).event());
            assertEquals(type.name(), event.type());
            assertEquals(delivery.headers().first("webhook-id").orElseThrow(), event.deliveryKey());
            keys.add(event.deliveryKey());
        }
        assertEquals(vendor.catalog().types().size(), keys.size(), "each sample is its own message");
    }

    @Test
    void theSpecificationsSamplesKeepTheirFields() {
        Vendor vendor = StandardWebhooksVendors.vendor(Map.of(), VendorContexts.FIXED_CLOCK, KEY);
        Delivery contact = SignedDeliveries.of(vendor, "standard-webhooks", Secret.of(KEY),
                VendorContexts.FIXED_CLOCK).sample("contact.created");
        StandardWebhookEvent event = (StandardWebhookEvent) ((ParseResult.Parsed) vendor.parser().parse(contact))
                .event();
        assertEquals(Instant.parse("2022-11-03T20:26:10.344522Z"), event.occurredAt());
        assertEquals("John Smith", event.data().get("fullName"));
    }
}
