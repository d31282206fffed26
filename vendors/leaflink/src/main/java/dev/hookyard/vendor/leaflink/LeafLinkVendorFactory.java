package dev.hookyard.vendor.leaflink;

import dev.hookyard.spi.OptionSpec;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.VendorContext;
import dev.hookyard.spi.VendorFactory;
import dev.hookyard.vendor.leaflink.events.LeafLinkEvent;

import java.util.List;

/**
 * Builds the LeafLink vendor for one endpoint. The keyring holds the company webhook key (the old and the new one
 * while a regenerated key rolls out). One option: {@code strict} (default {@code false}) makes an unknown
 * {@code type}/{@code action} pair malformed instead of a generic event; a value other than true or false fails at
 * startup with an {@link dev.hookyard.spi.InvalidOptionException} naming the key.
 *
 * <p>An endpoint without a key is built, but verifies nothing: Hookyard never accepts unsigned LeafLink deliveries.
 */
public final class LeafLinkVendorFactory implements VendorFactory {

    static final String STRICT = "strict";

    /** Holds no state: all per-endpoint state lives in the {@link Vendor} built by {@link #create(VendorContext)}. */
    public LeafLinkVendorFactory() {
    }

    /** {@value LeafLinkEvent#VENDOR}. */
    @Override
    public String id() {
        return LeafLinkEvent.VENDOR;
    }

    @Override
    public String description() {
        return "LeafLink order and product webhooks, HMAC-SHA256 of the body as base64 in LL-Signature";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.optional(STRICT, "true to reject (400) type/action pairs other than order and"
                + " product with create, edit or delete, instead of passing them on as generic events;"
                + " default false"));
    }

    @Override
    public Vendor create(VendorContext context) {
        boolean strict = context.options().bool(STRICT, false);
        return new LeafLinkVendor(
                new LeafLinkSignatureVerifier(context.keyring()),
                new LeafLinkParser(strict),
                LeafLinkEventCatalog.CATALOG,
                new LeafLinkSigner());
    }
}
