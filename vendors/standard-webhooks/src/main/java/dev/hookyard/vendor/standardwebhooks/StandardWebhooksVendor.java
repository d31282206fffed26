package dev.hookyard.vendor.standardwebhooks;

import dev.hookyard.spi.EventCatalog;
import dev.hookyard.spi.Parser;
import dev.hookyard.spi.Signer;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verifier;

/** The Standard Webhooks stages of one endpoint, as {@link StandardWebhooksVendorFactory} built them; thread-safe. */
record StandardWebhooksVendor(Verifier verifier, Parser parser, EventCatalog catalog, Signer signer)
        implements Vendor {
}
