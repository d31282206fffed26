package dev.hookyard.vendor.falkor;

import static dev.hookyard.vendor.falkor.FalkorVendors.platformVendor;
import static dev.hookyard.vendor.falkor.FalkorVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.EventType;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verification;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.testkit.SignedDeliveries;
import dev.hookyard.testkit.VendorContexts;
import dev.hookyard.vendor.falkor.events.Enrolments;
import dev.hookyard.vendor.falkor.events.Events;
import dev.hookyard.vendor.falkor.events.Rewards;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class FalkorEventCatalogTest {

    private static final String SECRET = "catalog-secret";

    /** SPEC.md's Falkor sample bodies, copied here by hand so that a change to the catalog's copy is noticed. */
    private static final Map<String, String> SPEC_SAMPLES = Map.of(
            "enrolments", "{\"type\":\"enrolments\",\"data\":{\"pathway\":{\"name\":\"Pathway Name\",\"ID\":"
                    + "\"FA-HCPG-06RF\"},\"enrolments\":[{\"email\":\"test@example.com\",\"firstname\":\"Test\","
                    + "\"lastname\":\"User\",\"country\":\"South Africa\",\"city\":\"Cape Town\",\"status\":"
                    + "{\"level\":2,\"state\":\"In Progress\",\"progress\":90,\"version\":\"1.2.3\",\"timestamp\":"
                    + "\"2020-10-09T14:59:06+02:00\",\"joined\":\"2020-10-07T12:00:06+02:00\"}}]}}",
            "events", "{\"type\":\"events\",\"data\":{\"pathway\":{\"name\":\"My Pathway\",\"ID\":\"FA-HCPG-06RF\"},"
                    + "\"events\":[{\"ID\":\"FABK-YVUU-89RU\",\"type\":\"event\",\"name\":\"Event\",\"start\":"
                    + "\"2020-10-15T16:15:00+02:00\",\"end\":\"2020-10-15T22:15:00+02:00\",\"venue\":{\"place\":"
                    + "\"Cable Car Station\",\"location\":\"Cape Town ZA\"},\"available\":4,\"booked\":2,"
                    + "\"attendees\":[{\"guid\":\"8bd0705f-c640-4191-9a1c-1a8cc73ad949\",\"state\":\"booked\","
                    + "\"firstname\":\"Test\",\"lastname\":\"User\",\"email\":\"test@example.com\",\"country\":"
                    + "\"South Africa\",\"city\":\"Cape Town\"}]}]}}",
            "rewards", "{\"type\":\"rewards\",\"data\":{\"pathway\":{\"name\":\"My Pathway\",\"ID\":\"FA-HCPG-06RF\"},"
                    + "\"rewards\":[{\"ID\":\"FARE-STZH-05MD\",\"name\":\"Cup of Coffee\",\"vouchers\":[{\"guid\":"
                    + "\"6c720133-3916-4172-94c9-62d1394fc72b\",\"firstname\":\"Test\",\"lastname\":\"User\","
                    + "\"email\":\"test@example.com\",\"country\":\"South Africa\",\"city\":\"Cape Town\",\"state\":"
                    + "\"notified\",\"expires\":\"never\"}]}]}}");

    @Test
    void listsTheThreeDocumentedTypesInOrder() {
        assertEquals(List.of("enrolments", "events", "rewards"), vendor().catalog().names());
        assertEquals(List.of(Enrolments.class, Events.class, Rewards.class),
                vendor().catalog().types().stream().map(EventType::eventClass).toList());
    }

    @Test
    void samplesAreTheSpecsVerbatim() {
        for (EventType type : vendor().catalog().types()) {
            assertEquals(SPEC_SAMPLES.get(type.name()), type.sampleBody(), type.name());
        }
    }

    @Test
    void everyTypeHasADescription() {
        for (EventType type : vendor().catalog().types()) {
            assertTrue(type.description().endsWith("."), type.name());
            assertTrue(type.sampleBody().startsWith("{\"type\":\"" + type.name() + "\""), type.name());
        }
    }

    @Test
    void everySampleSignsVerifiesAndParsesToItsDeclaredClassOnEveryKindOfEndpoint() {
        List<Vendor> endpoints = List.of(vendor(SECRET), platformVendor("ByteKast", SECRET),
                vendor(Map.of("platform", "TrainiApp", "strict", true), SECRET));
        for (Vendor falkor : endpoints) {
            SignedDeliveries signed = SignedDeliveries.of(falkor, "falkor", Secret.of(SECRET),
                    VendorContexts.FIXED_CLOCK);
            for (EventType type : falkor.catalog().types()) {
                Delivery delivery = signed.sample(type);
                assertInstanceOf(Verification.Verified.class, falkor.verifier().verify(delivery), type.name());
                WebhookEvent event = assertInstanceOf(ParseResult.Parsed.class, falkor.parser().parse(delivery))
                        .event();
                assertEquals(type.eventClass(), event.getClass(), type.name());
                assertEquals(type.name(), event.type());
                assertEquals("falkor", event.vendor());
                assertEquals(delivery.bodySha256(), event.deliveryKey());
            }
        }
    }
}
