package dev.hookyard.vendor.stripe;

import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.OptionSpec;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.VendorContext;
import dev.hookyard.spi.VendorFactory;
import dev.hookyard.vendor.stripe.events.StripeEvent;
import dev.hookyard.vendor.support.TimestampTolerance;
import dev.hookyard.vendor.support.ToleranceOptions;

import java.util.List;

/**
 * Builds the Stripe vendor for one endpoint. Options: {@code toleranceSeconds}, {@code pastToleranceSeconds} and
 * {@code futureToleranceSeconds} bound the signed timestamp (default 300 s both ways, Stripe's own default; see
 * {@link ToleranceOptions}). Every secret must be an endpoint signing secret ({@code whsec_...}): an API key pasted
 * by mistake would make every delivery a mismatch, so it fails at startup with an {@link InvalidOptionException}
 * naming where the signing secret is shown.
 */
public final class StripeVendorFactory implements VendorFactory {

    static final String SECRETS = "secrets";
    static final String SECRET_PREFIX = "whsec_";
    /** What Stripe's libraries use: five minutes. */
    static final long DEFAULT_TOLERANCE_SECONDS = 300;

    @Override
    public String id() {
        return StripeEvent.VENDOR;
    }

    @Override
    public String description() {
        return "Stripe webhook events, HMAC-SHA256 of timestamp.body in Stripe-Signature (t=...,v1=...),"
                + " timestamp checked";
    }

    @Override
    public List<OptionSpec> options() {
        return ToleranceOptions.specs("Stripe-Signature t=", DEFAULT_TOLERANCE_SECONDS);
    }

    @Override
    public Vendor create(VendorContext context) {
        TimestampTolerance tolerance = ToleranceOptions.read(context.options(), DEFAULT_TOLERANCE_SECONDS);
        requireSigningSecrets(context.keyring().secrets());
        return new StripeVendor(
                new StripeSignatureVerifier(context.keyring(), tolerance, context.clock()),
                new StripeParser(),
                StripeEventCatalog.CATALOG,
                new StripeSigner(context.clock()));
    }

    private static void requireSigningSecrets(List<Secret> secrets) {
        for (int i = 0; i < secrets.size(); i++) {
            if (!secrets.get(i).reveal().startsWith(SECRET_PREFIX)) {
                throw new InvalidOptionException(SECRETS, "secret " + (i + 1) + " of " + secrets.size()
                        + " does not start with " + SECRET_PREFIX + ", so it is not a webhook signing secret (an"
                        + " API key, sk_ or rk_, signs nothing)", "use the endpoint's signing secret: Stripe"
                        + " Dashboard, Developers, Webhooks, the endpoint, Signing secret (or what 'stripe listen'"
                        + " prints)");
            }
        }
    }
}
