package dev.hookyard.testkit;

import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.Options;
import dev.hookyard.spi.VendorContext;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Builds {@link VendorContext}s for tests the way the host would for a configured endpoint, with a fixed clock by
 * default so that anything time-dependent is reproducible.
 */
public final class VendorContexts {

    /** The instant of {@link #FIXED_CLOCK}: 2025-01-01T00:00:00Z. */
    public static final Instant FIXED_INSTANT = Instant.parse("2025-01-01T00:00:00Z");

    /** A UTC clock stopped at {@link #FIXED_INSTANT}. */
    public static final Clock FIXED_CLOCK = Clock.fixed(FIXED_INSTANT, ZoneOffset.UTC);

    private VendorContexts() {
    }

    /** An endpoint with these secrets (in keyring order), no options, and the fixed clock. */
    public static VendorContext withSecrets(String endpoint, String... secrets) {
        return of(endpoint, Keyring.of(secrets), Map.of(), FIXED_CLOCK);
    }

    /** An endpoint with this keyring and these options (plain values, as read from YAML), and the fixed clock. */
    public static VendorContext of(String endpoint, Keyring keyring, Map<String, ?> options) {
        return of(endpoint, keyring, options, FIXED_CLOCK);
    }

    /** An endpoint with this keyring, these options (plain values, as read from YAML) and this clock. */
    public static VendorContext of(String endpoint, Keyring keyring, Map<String, ?> options, Clock clock) {
        return new VendorContext(endpoint, keyring, Options.of(options), clock);
    }
}
