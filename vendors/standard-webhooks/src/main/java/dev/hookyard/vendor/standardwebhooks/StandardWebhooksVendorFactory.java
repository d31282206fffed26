package dev.hookyard.vendor.standardwebhooks;

import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.OptionSpec;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.VendorContext;
import dev.hookyard.spi.VendorFactory;
import dev.hookyard.vendor.standardwebhooks.events.StandardWebhookEvent;
import dev.hookyard.vendor.support.TimestampTolerance;
import dev.hookyard.vendor.support.ToleranceOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the Standard Webhooks vendor for one endpoint. Options: {@code headerPrefix} ({@code webhook}, the default,
 * or {@code svix}) names the headers read; {@code toleranceSeconds}, {@code pastToleranceSeconds} and
 * {@code futureToleranceSeconds} bound the signed timestamp (default 300 s both ways, see {@link ToleranceOptions}).
 * Every secret must be a Standard Webhooks key ({@code whsec_}, {@code whpk_} or {@code whsk_}); wrong values and
 * combinations fail at startup with an {@link InvalidOptionException} naming the key and the fix.
 */
public final class StandardWebhooksVendorFactory implements VendorFactory {

    static final String HEADER_PREFIX = "headerPrefix";
    static final String SECRETS = "secrets";
    /** The specification's example tolerance, which its libraries use: five minutes. */
    static final long DEFAULT_TOLERANCE_SECONDS = 300;

    @Override
    public String id() {
        return StandardWebhookEvent.VENDOR;
    }

    @Override
    public String description() {
        return "Standard Webhooks (and Svix) senders: v1 HMAC-SHA256 or v1a Ed25519 of id.timestamp.body in"
                + " webhook-signature, timestamp checked";
    }

    @Override
    public List<OptionSpec> options() {
        List<OptionSpec> options = new ArrayList<>();
        options.add(OptionSpec.optional(HEADER_PREFIX, "which header names carry the message: webhook"
                + " (webhook-id, webhook-timestamp, webhook-signature, as the specification names them) or svix"
                + " (svix-id, svix-timestamp, svix-signature); default webhook"));
        options.addAll(ToleranceOptions.specs("webhook-timestamp", DEFAULT_TOLERANCE_SECONDS));
        return List.copyOf(options);
    }

    @Override
    public Vendor create(VendorContext context) {
        HeaderPrefix prefix = HeaderPrefix.fromOption(context.options().oneOf(HEADER_PREFIX,
                HeaderPrefix.optionValues(), HeaderPrefix.WEBHOOK.optionValue()));
        TimestampTolerance tolerance = ToleranceOptions.read(context.options(), DEFAULT_TOLERANCE_SECONDS);
        List<WebhookKey> keys = keys(context.keyring().secrets());
        return new StandardWebhooksVendor(
                new StandardWebhooksVerifier(prefix, keys, tolerance, context.clock()),
                new StandardWebhooksParser(prefix),
                StandardWebhooksEventCatalog.CATALOG,
                new StandardWebhooksSigner(prefix, context.clock()));
    }

    private static List<WebhookKey> keys(List<Secret> secrets) {
        List<WebhookKey> keys = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            try {
                keys.add(WebhookKey.parse(secrets.get(i)));
            } catch (IllegalArgumentException e) {
                throw new InvalidOptionException(SECRETS, "secret " + (i + 1) + " of " + secrets.size() + " "
                        + e.getMessage(), "give the secret as the sender shows it: whsec_ and base64 for an"
                        + " HMAC (v1) secret, whpk_ and base64 for an Ed25519 (v1a) public key");
            }
        }
        return List.copyOf(keys);
    }
}
