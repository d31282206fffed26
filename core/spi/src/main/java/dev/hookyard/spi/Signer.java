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
}
