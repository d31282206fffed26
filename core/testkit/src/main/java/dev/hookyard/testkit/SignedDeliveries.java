package dev.hookyard.testkit;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.EventType;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Vendor;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;

/**
 * Builds genuine deliveries for one vendor and endpoint: the headers are exactly what the vendor's
 * {@link dev.hookyard.spi.Signer} produces for the body and secret (nothing added, nothing left out), and the body is
 * either a catalog sample or bytes of your choosing. {@code receivedAt} is read from the given clock for each
 * delivery built.
 *
 * <pre>{@code
 * SignedDeliveries signed = SignedDeliveries.of(vendor, "least", Secret.of("s3cret"), VendorContexts.FIXED_INSTANT);
 * Delivery delivery = signed.sample("record.created");
 * assertInstanceOf(Verification.Verified.class, vendor.verifier().verify(delivery));
 * }</pre>
 *
 * <p>Immutable and thread-safe as long as the vendor's signer is.
 */
public final class SignedDeliveries {

    private final Vendor vendor;
    private final String endpoint;
    private final Secret secret;
    private final Clock clock;

    private SignedDeliveries(Vendor vendor, String endpoint, Secret secret, Clock clock) {
        this.vendor = Objects.requireNonNull(vendor, "vendor");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (endpoint.isBlank()) {
            throw new IllegalArgumentException("endpoint must not be blank");
        }
    }

    /** Deliveries signed with {@code secret}, received at the clock's current instant when each is built. */
    public static SignedDeliveries of(Vendor vendor, String endpoint, Secret secret, Clock clock) {
        return new SignedDeliveries(vendor, endpoint, secret, clock);
    }

    /** Deliveries signed with {@code secret}, all received at {@code receivedAt}. */
    public static SignedDeliveries of(Vendor vendor, String endpoint, Secret secret, Instant receivedAt) {
        return new SignedDeliveries(vendor, endpoint, secret,
                Clock.fixed(Objects.requireNonNull(receivedAt, "receivedAt"), ZoneOffset.UTC));
    }

    /**
     * The catalog sample of {@code type}, signed for that type (see {@link dev.hookyard.spi.Signer#sign(byte[],
     * Secret, String)}: a vendor that names the type in a header sends it).
     */
    public Delivery sample(EventType type) {
        Objects.requireNonNull(type, "type");
        return body(type.sampleBody().getBytes(StandardCharsets.UTF_8), type.name());
    }

    /**
     * The catalog sample of the event type with this wire name, signed.
     *
     * @throws IllegalArgumentException if the vendor's catalog has no such type (a typo in a test should fail loudly)
     */
    public Delivery sample(String typeName) {
        Objects.requireNonNull(typeName, "typeName");
        EventType type = vendor.catalog().find(typeName).orElseThrow(() -> new IllegalArgumentException(
                "the catalog has no event type '" + typeName + "'; it has " + vendor.catalog().names()));
        return sample(type);
    }

    /** An arbitrary body, signed exactly as the vendor's signer signs a body of unknown event type. */
    public Delivery body(byte[] body) {
        Objects.requireNonNull(body, "body");
        return delivery(body, vendor.signer().sign(body.clone(), secret));
    }

    /** An arbitrary body, signed exactly as the vendor's signer signs a body of this event type. */
    public Delivery body(byte[] body, String eventType) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(eventType, "eventType");
        return delivery(body, vendor.signer().sign(body.clone(), secret, eventType));
    }

    /** An arbitrary body given as text, encoded as UTF-8 and signed for this event type. */
    public Delivery body(String body, String eventType) {
        return body(Objects.requireNonNull(body, "body").getBytes(StandardCharsets.UTF_8), eventType);
    }

    /** An arbitrary body given as text, encoded as UTF-8 and signed. */
    public Delivery body(String body) {
        return body(Objects.requireNonNull(body, "body").getBytes(StandardCharsets.UTF_8));
    }

    private Delivery delivery(byte[] body, Map<String, String> signed) {
        return new Delivery(endpoint, Headers.ofSingle(signed), body, clock.instant());
    }
}
