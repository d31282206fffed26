package dev.hookyard.server.config;

import dev.hookyard.spi.Secret;
import java.time.Instant;
import java.util.Objects;

/**
 * One configured secret of an endpoint, with the instant after which it no longer verifies (for rotation), if any.
 *
 * @param secret   the secret
 * @param notAfter the last instant at which it verifies, or null if it does not expire
 */
public record KeyringEntry(Secret secret, Instant notAfter) {

    public KeyringEntry {
        Objects.requireNonNull(secret, "secret");
    }

    /** A secret that does not expire. */
    public static KeyringEntry of(Secret secret) {
        return new KeyringEntry(secret, null);
    }

    /** Whether it still verifies at {@code now}. */
    public boolean activeAt(Instant now) {
        return notAfter == null || !now.isAfter(notAfter);
    }
}
