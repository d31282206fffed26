package dev.hookyard.vendor.falkor;

import dev.hookyard.spi.EventCatalog;
import dev.hookyard.spi.Parser;
import dev.hookyard.spi.Signer;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verifier;

/** The Falkor stages of one endpoint, as {@link FalkorVendorFactory} configured them; all thread-safe. */
record FalkorVendor(Verifier verifier, Parser parser, EventCatalog catalog, Signer signer) implements Vendor {
}
