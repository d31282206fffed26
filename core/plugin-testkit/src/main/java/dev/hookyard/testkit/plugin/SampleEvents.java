package dev.hookyard.testkit.plugin;

import dev.hookyard.spi.CredentialHeaders;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.EventType;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.VendorFactory;
import dev.hookyard.spi.Verification;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.testkit.SignedDeliveries;
import dev.hookyard.testkit.VendorContexts;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Typed events for a handler's test, built from any vendor module's catalog samples the way the host builds
 * them: each sample is signed with the vendor's own signer, verified, its credential headers masked, and parsed
 * by the vendor's parser into the event class the vendor declares for it ({@code StripeEvent}, a
 * {@code GenericEvent}, ...).
 *
 * <pre>{@code
 * SampleEvents stripe = SampleEvents.of(new StripePlugin().vendors().get(0), "whsec_test_secret");
 * WebhookEvent paid = stripe.event("invoice.paid");
 * }</pre>
 */
public final class SampleEvents {

    private final VendorFactory factory;
    private final String secret;
    private final Map<String, ?> options;
    private final Vendor vendor;

    private SampleEvents(VendorFactory factory, String secret, Map<String, ?> options) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.secret = Objects.requireNonNull(secret, "secret");
        this.options = Map.copyOf(options);
        this.vendor = factory.create(VendorContexts.of(factory.id(), Keyring.of(secret), options));
    }

    /**
     * The samples of this vendor, signed with {@code secret} (which must have the form the vendor expects, e.g.
     * {@code whsec_...} for Stripe), for an endpoint without options.
     */
    public static SampleEvents of(VendorFactory factory, String secret) {
        return new SampleEvents(factory, secret, Map.of());
    }

    /** As {@link #of(VendorFactory, String)}, for an endpoint with these options (plain values, as in YAML). */
    public static SampleEvents of(VendorFactory factory, String secret, Map<String, ?> endpointOptions) {
        return new SampleEvents(factory, secret, endpointOptions);
    }

    /** The vendor module these samples come from. */
    public VendorFactory factory() {
        return factory;
    }

    /** The secret the samples are signed with. */
    public String secret() {
        return secret;
    }

    /** The endpoint options the vendor was built with. */
    public Map<String, ?> options() {
        return options;
    }

    /** The event type names of the vendor's catalog, in catalog order. */
    public List<String> types() {
        return vendor.catalog().names();
    }

    /**
     * The catalog sample of this event type, signed now, as a sender would post it.
     *
     * @throws IllegalArgumentException if the catalog has no such type
     */
    public Delivery delivery(String type) {
        return SignedDeliveries.of(vendor, factory.id(), Secret.of(secret), Clock.systemUTC()).sample(type);
    }

    /**
     * The event the host hands a handler for the catalog sample of this type.
     *
     * @throws IllegalArgumentException if the catalog has no such type
     * @throws AssertionError if the vendor refuses its own sample (then the vendor module is broken)
     */
    public WebhookEvent event(String type) {
        Delivery signed = delivery(type);
        if (vendor.verifier().verify(signed) instanceof Verification.Rejected rejected) {
            throw new AssertionError("vendor " + factory.id() + " rejects its own signed sample of " + type + ": "
                    + rejected.reason() + " " + rejected.detail());
        }
        Delivery stored = new Delivery(signed.endpoint(), CredentialHeaders.DEFAULT.mask(signed.headers()),
                signed.body(), signed.receivedAt());
        ParseResult parsed = vendor.parser().parse(stored);
        if (parsed instanceof ParseResult.Malformed malformed) {
            throw new AssertionError("vendor " + factory.id() + " cannot parse its own sample of " + type + ": "
                    + malformed.reason());
        }
        return ((ParseResult.Parsed) parsed).event(); // Java 17: no pattern switch over the sealed result
    }

    /** The event of every sample in the catalog, in catalog order. */
    public List<WebhookEvent> all() {
        return vendor.catalog().types().stream().map(EventType::name).map(this::event).toList();
    }
}
