package dev.hookyard.vendor.github;

import dev.hookyard.spi.EventCatalog;
import dev.hookyard.spi.Parser;
import dev.hookyard.spi.Signer;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verifier;

/** The GitHub stages of one endpoint, as {@link GitHubVendorFactory} configured them; all thread-safe. */
record GitHubVendor(Verifier verifier, Parser parser, EventCatalog catalog, Signer signer) implements Vendor {
}
