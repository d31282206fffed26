package dev.hookyard.vendor.least;

import dev.hookyard.spi.OptionSpec;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.VendorContext;
import dev.hookyard.spi.VendorFactory;
import dev.hookyard.vendor.least.events.LeastEvent;

import java.util.List;

/**
 * Builds the LEAST vendor for one endpoint. Options: {@code channel} ({@code collection}, {@code workflow} or
 * {@code any}, default {@code any}) picks which signature header the endpoint accepts; {@code strict} (default
 * {@code false}) makes unknown event types malformed instead of generic events. Wrong values fail at startup with
 * an {@link dev.hookyard.spi.InvalidOptionException} naming the key.
 */
public final class LeastVendorFactory implements VendorFactory {

    static final String CHANNEL = "channel";
    static final String STRICT = "strict";

    @Override
    public String id() {
        return LeastEvent.VENDOR;
    }

    @Override
    public String description() {
        return "LEAST Collection API and Workflow / LMS Rule webhooks, HMAC-SHA256 in X-LEAST-Signature or"
                + " X-WF-Signature";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.optional(CHANNEL, "which LEAST webhook system this endpoint receives: collection"
                        + " (Collection API, X-LEAST-Signature only), workflow (Workflow Webhooks and LMS rules,"
                        + " X-WF-Signature only) or any (whichever one of the two is present); default any"),
                OptionSpec.optional(STRICT, "true to reject event types this module does not know (400) instead"
                        + " of passing them on as generic events; default false"));
    }

    @Override
    public Vendor create(VendorContext context) {
        LeastChannel channel = LeastChannel.fromOption(
                context.options().oneOf(CHANNEL, LeastChannel.optionValues(), LeastChannel.ANY.optionValue()));
        boolean strict = context.options().bool(STRICT, false);
        return new LeastVendor(
                new HmacSha256HeaderVerifier(channel.acceptedHeaders(), context.keyring()),
                new LeastParser(strict),
                LeastEventCatalog.CATALOG,
                new LeastSigner(channel));
    }
}
