package ${package};

import dev.hookyard.spi.EventCatalog;
import dev.hookyard.spi.Parser;
import dev.hookyard.spi.Signer;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verifier;

/** The stages of one endpoint; each is called concurrently by the host, so each is thread-safe. */
record ${classPrefix}Vendor(Verifier verifier, Parser parser, EventCatalog catalog, Signer signer) implements Vendor {
}
