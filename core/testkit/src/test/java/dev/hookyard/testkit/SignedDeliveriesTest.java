package dev.hookyard.testkit;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.Secret;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignedDeliveriesTest {

    private static final Instant AT = Instant.parse("2024-06-01T12:00:00Z");
    private final ToyVendor vendor = new ToyVendor();
    private final SignedDeliveries signed = SignedDeliveries.of(vendor, "toys", Secret.of("k1"), AT);

    @Test
    void sampleByNameCarriesTheCatalogBodyAndExactlyTheSignersHeaders() {
        Delivery delivery = signed.sample("toy.sold");

        byte[] expectedBody = "{\"event\":\"toy.sold\",\"id\":2}".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expectedBody, delivery.body());
        assertEquals(Headers.ofSingle(ToyVendor.expectedHeaders(expectedBody, "k1")), delivery.headers());
        assertEquals(List.of("X-Toy-Signature", "X-Toy-Length"), delivery.headers().names());
        assertEquals("toys", delivery.endpoint());
        assertEquals(AT, delivery.receivedAt());
    }

    @Test
    void sampleByEventTypeEqualsSampleByName() {
        assertEquals(signed.sample("toy.made"), signed.sample(ToyVendor.CATALOG.types().get(0)));
    }

    @Test
    void unknownTypeNameFailsNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> signed.sample("toy.lost"));
        assertTrue(e.getMessage().contains("toy.lost"), e.getMessage());
        assertTrue(e.getMessage().contains("toy.made"), e.getMessage());
    }

    @Test
    void samplesAndTypedBodiesAreSignedForTheirEventTypeAndOtherBodiesWithout() {
        SignedDeliveries typed = SignedDeliveries.of(HeaderTypedReferenceVendor.factory(
                HeaderTypedReferenceVendor.Flaw.NONE).create(VendorContexts.withSecrets("typed", "k1")), "typed",
                Secret.of("k1"), AT);

        assertEquals(List.of("ref.two"), typed.sample("ref.two").headers().all(HeaderTypedReferenceVendor.EVENT));
        assertEquals(List.of("ref.x"), typed.body("{\"id\":3}", "ref.x").headers().all(HeaderTypedReferenceVendor.EVENT));
        assertEquals(List.of(), typed.body("{\"id\":3}").headers().all(HeaderTypedReferenceVendor.EVENT));
    }

    @Test
    void arbitraryBodyIsSignedWithTheGivenSecret() {
        Delivery delivery = SignedDeliveries.of(vendor, "toys", Secret.of("other"), AT).body("hello");

        assertEquals("hello", delivery.bodyText());
        assertEquals("other:5", delivery.headers().first("x-toy-signature").orElseThrow());
        assertEquals("5", delivery.headers().first("X-Toy-Length").orElseThrow());
    }

    @Test
    void bytesBodyIsCopiedSoLaterChangesDoNotAlterTheDelivery() {
        byte[] body = {1, 2, 3};
        Delivery delivery = signed.body(body);
        body[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, delivery.body());
    }

    @Test
    void receivedAtIsReadFromTheClockForEachDelivery() {
        MutableClock clock = new MutableClock(AT);
        SignedDeliveries ticking = SignedDeliveries.of(vendor, "toys", Secret.of("k1"), clock);

        Delivery first = ticking.sample("toy.made");
        clock.now = AT.plus(Duration.ofSeconds(5));
        Delivery second = ticking.sample("toy.made");

        assertEquals(AT, first.receivedAt());
        assertEquals(AT.plusSeconds(5), second.receivedAt());
        assertNotEquals(first, second);
    }

    @Test
    void blankEndpointIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SignedDeliveries.of(vendor, " ", Secret.of("k"), AT));
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
