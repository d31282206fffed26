package dev.hookyard.vendor.least;

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
import dev.hookyard.vendor.least.events.LmsRuleEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.hookyard.vendor.least.LeastVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeastEventCatalogTest {

    private static final String SECRET = "catalog-secret";

    @Test
    void listsEveryDocumentedEventInOrder() {
        List<String> expected = new ArrayList<>(List.of("record.created", "record.action", "record.archived",
                "lesson.completed", "badge.earned", "workflow.completed"));
        expected.addAll(LmsRuleEvent.TYPES);
        assertEquals(expected, vendor().catalog().names());
    }

    @ParameterizedTest
    @ValueSource(strings = {"any", "collection", "workflow"})
    void everySampleSignsVerifiesAndParsesToItsDeclaredClass(String channel) {
        Vendor least = vendor(Map.of("channel", channel, "strict", true), SECRET);
        SignedDeliveries signed = SignedDeliveries.of(least, "least", Secret.of(SECRET), VendorContexts.FIXED_CLOCK);
        for (EventType type : least.catalog().types()) {
            Delivery delivery = signed.sample(type);

            assertInstanceOf(Verification.Verified.class, least.verifier().verify(delivery), type.name());
            ParseResult result = least.parser().parse(delivery);
            WebhookEvent event = assertInstanceOf(ParseResult.Parsed.class, result, type.name()).event();
            assertEquals(type.eventClass(), event.getClass(), type.name());
            assertNotEquals(GenericEvent.class, event.getClass());
            assertEquals(type.name(), event.type());
            assertEquals("least", event.vendor());
            assertEquals(delivery.bodySha256(), event.deliveryKey());
        }
    }

    @Test
    void samplesOnChannelAnyAreSignedInTheHeaderOfTheSystemThatSendsThem() {
        Vendor least = vendor(SECRET);
        SignedDeliveries signed = SignedDeliveries.of(least, "least", Secret.of(SECRET), VendorContexts.FIXED_CLOCK);
        for (EventType type : least.catalog().types()) {
            String expected = type.name().startsWith("record.") ? "X-LEAST-Signature" : "X-WF-Signature";
            assertEquals(List.of(expected), signed.sample(type).headers().names(), type.name());
        }
    }

    @Test
    void everyTypeHasADescriptionAndItsOwnSample() {
        for (EventType type : vendor().catalog().types()) {
            assertTrue(type.sampleBody().contains("\"event\":\"" + type.name() + "\""), type.name());
            assertTrue(type.description().endsWith("."), type.name());
        }
    }
}
