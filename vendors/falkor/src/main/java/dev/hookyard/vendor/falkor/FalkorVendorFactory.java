package dev.hookyard.vendor.falkor;

import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.OptionSpec;
import dev.hookyard.spi.Options;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.VendorContext;
import dev.hookyard.spi.VendorFactory;
import dev.hookyard.vendor.falkor.events.FalkorEvent;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds the Falkor vendor for one endpoint. Options: {@code platform}, the white-label platform name whose
 * {@code <platform>-Webhook-Signature} header the endpoint accepts (unset: any one header of that shape), and
 * {@code strict} (default {@code false}), which makes unknown event types malformed instead of generic events.
 * Wrong values fail at startup with an {@link InvalidOptionException} naming the key.
 */
public final class FalkorVendorFactory implements VendorFactory {

    static final String PLATFORM = "platform";
    static final String STRICT = "strict";

    @Override
    public String id() {
        return FalkorEvent.VENDOR;
    }

    @Override
    public String description() {
        return "Falkor and its white labels (ByteKast, TrainiApp, ...), HMAC-SHA256 in <Platform>-Webhook-Signature";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.optional(PLATFORM, "the white-label platform name that prefixes the signature header,"
                        + " e.g. ByteKast for ByteKast-Webhook-Signature; default: accept exactly one header named"
                        + " <platform>-Webhook-Signature, whatever the platform"),
                OptionSpec.optional(STRICT, "true to reject event types this module does not know (400) instead"
                        + " of passing them on as generic events; default false"));
    }

    @Override
    public Vendor create(VendorContext context) {
        SignatureHeaderName headerName = platform(context.options())
                .map(SignatureHeaderName::forPlatform)
                .orElseGet(SignatureHeaderName::anyPlatform);
        boolean strict = context.options().bool(STRICT, false);
        return new FalkorVendor(
                new FalkorSignatureVerifier(headerName, context.keyring()),
                new FalkorParser(strict),
                FalkorEventCatalog.CATALOG,
                new FalkorSigner(headerName));
    }

    /** The configured platform name, checked; empty when the option is absent. */
    private static Optional<String> platform(Options options) {
        Optional<String> platform = options.string(PLATFORM);
        if (platform.isEmpty()) {
            return platform;
        }
        String name = platform.get();
        String lower = name.toLowerCase(Locale.ROOT);
        String suffix = SignatureHeaderName.SUFFIX.toLowerCase(Locale.ROOT);
        // A likely slip: the whole header name, which would make the endpoint wait for
        // ByteKast-Webhook-Signature-Webhook-Signature and reject every genuine delivery as missing.
        if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
            throw new InvalidOptionException(PLATFORM, "is a whole header name, not a platform name",
                    "write only the part before " + SignatureHeaderName.SUFFIX + ", e.g. platform: "
                            + SignatureHeaderName.DEFAULT_PLATFORM);
        }
        if (!SignatureHeaderName.isPlatformName(name)) {
            throw new InvalidOptionException(PLATFORM, "must be 1 to " + SignatureHeaderName.MAX_PLATFORM_LENGTH
                    + " ASCII letters and digits (with -, _ or . between them), as it prefixes a header name",
                    "set platform to the name in the signature header, e.g. platform: ByteKast");
        }
        return platform;
    }
}
