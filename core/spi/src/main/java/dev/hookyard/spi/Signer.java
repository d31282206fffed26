package dev.hookyard.spi;

import java.util.Map;

/**
 * Produces exactly the headers the real platform sends with a body, so tests, the CLI and users can make genuine
 * deliveries. For vendors that authenticate with a static credential rather than a MAC, the secret is that
 * credential and the header is the one carrying it.
 */
@FunctionalInterface
public interface Signer {

    /**
     * The authentication headers for this body, by header name as the platform spells it.
     *
     * @throws IllegalArgumentException if the secret is not one this vendor can sign with (for a platform with
     *                                  public-key signatures, a public key); the message says why and what would
     *                                  sign, and never contains the secret
     */
    Map<String, String> sign(byte[] body, Secret secret);

    /**
     * The headers for a body of a known event type. Most platforms name the event type inside the body, so the
     * default is {@link #sign(byte[], Secret)}. A platform that names it in a header instead (GitHub's
     * {@code X-GitHub-Event}) overrides this to send that header too, so that a signed catalog sample parses to its
     * type; without the type, such a signer leaves the header out.
     *
     * @param eventType the event type's wire name, as the vendor's {@link EventCatalog} lists it (or any type the
     *                  vendor may send)
     */
    default Map<String, String> sign(byte[] body, Secret secret, String eventType) {
        return sign(body, secret);
    }
}
