package dev.hookyard.vendor.leah;

import dev.hookyard.spi.EventCatalog;
import dev.hookyard.spi.Parser;
import dev.hookyard.spi.Signer;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verifier;

/** The Leah stages of one endpoint, as {@link LeahVendorFactory} configured them; all thread-safe. */
record LeahVendor(Verifier verifier, Parser parser, EventCatalog catalog, Signer signer) implements Vendor {
}
