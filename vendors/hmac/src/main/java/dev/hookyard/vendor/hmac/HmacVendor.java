package dev.hookyard.vendor.hmac;

import dev.hookyard.spi.EventCatalog;
import dev.hookyard.spi.Parser;
import dev.hookyard.spi.Signer;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verifier;

/** The HMAC stages of one endpoint, as {@link HmacVendorFactory} configured them; all thread-safe. */
record HmacVendor(Verifier verifier, Parser parser, EventCatalog catalog, Signer signer) implements Vendor {
}
