package dev.hookyard.vendor.stripe;

import dev.hookyard.spi.EventCatalog;
import dev.hookyard.spi.Parser;
import dev.hookyard.spi.Signer;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verifier;

/** The Stripe stages of one endpoint, as {@link StripeVendorFactory} built them; all thread-safe. */
record StripeVendor(Verifier verifier, Parser parser, EventCatalog catalog, Signer signer) implements Vendor {
}
