package dev.hookyard.vendor.least;

import dev.hookyard.spi.EventCatalog;
import dev.hookyard.spi.Parser;
import dev.hookyard.spi.Signer;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verifier;

/** The LEAST stages of one endpoint, as {@link LeastVendorFactory} configured them; all thread-safe. */
record LeastVendor(Verifier verifier, Parser parser, EventCatalog catalog, Signer signer) implements Vendor {
}
