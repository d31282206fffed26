package dev.hookyard.vendor.leaflink;

import dev.hookyard.spi.EventCatalog;
import dev.hookyard.spi.Parser;
import dev.hookyard.spi.Signer;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verifier;

/** The LeafLink stages of one endpoint, as {@link LeafLinkVendorFactory} configured them; all thread-safe. */
record LeafLinkVendor(Verifier verifier, Parser parser, EventCatalog catalog, Signer signer) implements Vendor {
}
