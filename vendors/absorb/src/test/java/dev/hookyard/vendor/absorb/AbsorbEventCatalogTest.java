package dev.hookyard.vendor.absorb;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.EventType;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verification;
import dev.hookyard.testkit.SignedDeliveries;
import dev.hookyard.testkit.VendorContexts;
import dev.hookyard.vendor.absorb.events.AbsorbEvent;
import dev.hookyard.vendor.absorb.events.AbsorbEventKind;
import dev.hookyard.vendor.absorb.events.AdminEvent;
import dev.hookyard.vendor.absorb.events.LearnerEvent;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.hookyard.vendor.absorb.AbsorbVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AbsorbEventCatalogTest {

    private static final String SECRET = "catalog-secret";

    @Test
    void catalogNamesAreTheKindsTypesInOrder() {
        assertEquals(Arrays.stream(AbsorbEventKind.values()).map(AbsorbEventKind::type).toList(),
                vendor().catalog().names());
    }

    @Test
    void everySampleSignsVerifiesAndParsesStrictlyToItsKindWithItsCorrelationIdAsKey() {
        Vendor absorb = vendor(Map.of("strict", true), SECRET);
        SignedDeliveries signed = SignedDeliveries.of(absorb, "absorb", Secret.of(SECRET),
                VendorContexts.FIXED_CLOCK);
        for (AbsorbEventKind kind : AbsorbEventKind.values()) {
            EventType type = absorb.catalog().find(kind.type()).orElseThrow();
            Delivery delivery = signed.sample(type);

            assertEquals(Verification.verified("absorb-signature hex"), absorb.verifier().verify(delivery));
            AbsorbEvent event = assertInstanceOf(AbsorbEvent.class,
                    assertInstanceOf(ParseResult.Parsed.class, absorb.parser().parse(delivery)).event());
            assertEquals(type.eventClass(), event.getClass(), kind.name());
            assertEquals(kind, event.kind());
            assertEquals(kind.displayName(), event.eventName());
            assertNotNull(event.userId());
            assertNotNull(event.clientId());
            assertNotNull(event.correlationId());
            assertTrue(event.deliveryKey().startsWith(event.correlationId() + "/" + event.type() + "/"));
            if (event instanceof AdminEvent admin) {
                assertNotNull(admin.adminId());
            } else {
                assertNull(event.payload().get("adminId"), "learner samples carry no admin id");
            }
        }
    }

    @Test
    void adminKindsAreAdminEventsAndLearnerKindsLearnerEvents() {
        for (EventType type : vendor().catalog().types()) {
            AbsorbEventKind kind = AbsorbEventKind.fromName(type.name()).orElseThrow();
            assertEquals(switch (kind.audience()) {
                case ADMIN -> AdminEvent.class;
                case LEARNER -> LearnerEvent.class;
            }, type.eventClass());
        }
    }

    @Test
    void everySampleHasItsOwnCorrelationIdSoSamplesAreNotTakenForOneDelivery() {
        Vendor absorb = vendor(SECRET);
        SignedDeliveries signed = SignedDeliveries.of(absorb, "absorb", Secret.of(SECRET),
                VendorContexts.FIXED_CLOCK);
        Set<String> keys = absorb.catalog().types().stream()
                .map(type -> ((ParseResult.Parsed) absorb.parser().parse(signed.sample(type))).event().deliveryKey())
                .collect(Collectors.toSet());
        assertEquals(24, keys.size());
    }

    @Test
    void everyTypeHasADescriptionAndASampleInSpecFieldNames() {
        for (EventType type : vendor().catalog().types()) {
            AbsorbEventKind kind = AbsorbEventKind.fromName(type.name()).orElseThrow();
            assertTrue(type.sampleBody().startsWith("{\"eventName\":\"" + kind.displayName() + "\",\"userId\":"),
                    type.sampleBody());
            assertTrue(type.sampleBody().contains("\"clientId\":"), type.name());
            assertTrue(type.sampleBody().contains("\"correlationId\":"), type.name());
            assertTrue(type.description().endsWith("."), type.name());
        }
    }
}
