package dev.hookyard.vendor.absorb;

import dev.hookyard.spi.EventCatalog;
import dev.hookyard.spi.Parser;
import dev.hookyard.spi.Signer;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verifier;

/** The Absorb stages of one endpoint, as {@link AbsorbVendorFactory} configured them; all thread-safe. */
record AbsorbVendor(Verifier verifier, Parser parser, EventCatalog catalog, Signer signer) implements Vendor {
}
