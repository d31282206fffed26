package dev.hookyard.spi;

/**
 * One platform's stages for one endpoint: how its deliveries are verified and parsed, which events it sends, and
 * how a genuine sender signs them.
 *
 * <p>All methods return thread-safe objects that the host calls concurrently.
 */
public interface Vendor {

    /** Proves a delivery came from the platform; runs on the raw bytes before any parsing. */
    Verifier verifier();

    /** Turns a verified delivery into a typed event. */
    Parser parser();

    /** Every event type the platform sends, with a sample body for each. */
    EventCatalog catalog();

    /** Produces the headers the real platform sends, so tests and tools can make genuine deliveries. */
    Signer signer();
}
