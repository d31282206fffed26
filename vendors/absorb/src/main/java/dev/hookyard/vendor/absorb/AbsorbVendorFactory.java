package dev.hookyard.vendor.absorb;

import dev.hookyard.spi.OptionSpec;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.VendorContext;
import dev.hookyard.spi.VendorFactory;
import dev.hookyard.vendor.absorb.events.AbsorbEvent;

import java.util.List;

/**
 * Builds the Absorb LMS vendor for one endpoint. One option: {@code strict} (default {@code false}) makes event
 * names Absorb does not document a malformed body (400) instead of generic events. A wrong value fails at startup
 * with an {@link dev.hookyard.spi.InvalidOptionException} naming the key.
 */
public final class AbsorbVendorFactory implements VendorFactory {

    static final String STRICT = "strict";

    @Override
    public String id() {
        return AbsorbEvent.VENDOR;
    }

    @Override
    public String description() {
        return "Absorb LMS admin and learner webhooks, HMAC-SHA256 in absorb-signature (hex or base64)";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.optional(STRICT, "true to reject event names this module does not know (400)"
                + " instead of passing them on as generic events; default false"));
    }

    @Override
    public Vendor create(VendorContext context) {
        boolean strict = context.options().bool(STRICT, false);
        return new AbsorbVendor(new AbsorbSignatureVerifier(context.keyring()), new AbsorbParser(strict),
                AbsorbEventCatalog.CATALOG, new AbsorbSigner());
    }
}
