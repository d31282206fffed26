package dev.hookyard.vendor.leah;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static dev.hookyard.vendor.leah.LeahVendors.DOC_EVENTS;
import static dev.hookyard.vendor.leah.LeahVendors.docBody;
import static dev.hookyard.vendor.leah.LeahVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeahEventCatalogTest {

    @Test
    void listsTheFiveDocumentedEventsInTheDocsOrder() {
        assertEquals(DOC_EVENTS, vendor().catalog().names());
    }

    @Test
    void everySampleIsTheDocsBodyVerbatim() {
        for (EventType type : vendor().catalog().types()) {
            assertEquals(docBody(type.name()), type.sampleBody(), type.name());
        }
    }

    @ParameterizedTest
    @CsvSource({"either, my_user:my_pass", "either, a-bearer-token", "basic, my_user:my_pass",
            "bearer, a-bearer-token", "bearer, my_user:my_pass"})
    void everySampleSignsVerifiesAndParsesToItsDeclaredClass(String scheme, String secret) {
        Vendor leah = vendor(Map.of("scheme", scheme, "strict", true), secret);
        SignedDeliveries signed = SignedDeliveries.of(leah, "leah", Secret.of(secret), VendorContexts.FIXED_CLOCK);
        for (EventType type : leah.catalog().types()) {
            Delivery delivery = signed.sample(type);

            assertInstanceOf(Verification.Verified.class, leah.verifier().verify(delivery), type.name());
            ParseResult result = leah.parser().parse(delivery);
            WebhookEvent event = assertInstanceOf(ParseResult.Parsed.class, result, type.name()).event();
            assertEquals(type.eventClass(), event.getClass(), type.name());
            assertNotEquals(GenericEvent.class, event.getClass());
            assertEquals(type.name(), event.type());
            assertEquals("leah", event.vendor());
            assertEquals(delivery.bodySha256(), event.deliveryKey());
        }
    }

    @Test
    void everyTypeHasADescriptionAndItsOwnSample() {
        for (EventType type : vendor().catalog().types()) {
            assertTrue(type.sampleBody().startsWith("{\"event\":\"" + type.name() + "\""), type.name());
            assertTrue(type.description().endsWith("."), type.name());
        }
    }
}
