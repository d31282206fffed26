package dev.hookyard.vendor.hmac;

import dev.hookyard.spi.OptionSpec;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.VendorContext;
import dev.hookyard.spi.VendorFactory;
import dev.hookyard.vendor.hmac.events.HmacEvent;

import java.util.List;

/**
 * Builds the configurable HMAC vendor for one endpoint, for a platform that signs the raw body (or a timestamp and
 * the body) with an HMAC keyed with the secret's UTF-8 bytes. The options (see {@link HmacOptions}) say where the
 * signature, the timestamp, the event type and the delivery id are, and how the MAC is computed and written; wrong
 * values and combinations fail at startup with an {@link dev.hookyard.spi.InvalidOptionException} naming the key and
 * the fix.
 */
public final class HmacVendorFactory implements VendorFactory {

    /** Holds no state: all per-endpoint state lives in the {@link Vendor} built by {@link #create(VendorContext)}. */
    public HmacVendorFactory() {
    }

    /** {@value HmacEvent#VENDOR}. */
    @Override
    public String id() {
        return HmacEvent.VENDOR;
    }

    @Override
    public String description() {
        return "Any platform that signs the raw body with an HMAC (SHA-1, SHA-256 or SHA-512, hex or base64, with or"
                + " without a signed timestamp), configured per endpoint";
    }

    @Override
    public List<OptionSpec> options() {
        return HmacOptions.SPECS;
    }

    @Override
    public Vendor create(VendorContext context) {
        HmacSettings settings = HmacOptions.read(context.options());
        return new HmacVendor(
                new HmacSignatureVerifier(settings, context.keyring(), context.clock()),
                new HmacParser(settings, context.endpoint()),
                HmacEventCatalog.of(settings),
                new HmacSigner(settings, context.clock()));
    }
}
