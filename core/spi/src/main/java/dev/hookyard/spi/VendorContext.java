package dev.hookyard.spi;

import java.time.Clock;

/**
 * What the host gives a {@link VendorFactory} for one endpoint.
 *
 * @param endpoint the endpoint's configured name
 * @param keyring  the secrets active for the endpoint (may be empty for vendors that use other credentials)
 * @param options  the endpoint's vendor options, already checked against {@link VendorFactory#options()}
 * @param clock    the clock to use for anything time-dependent, so that tests can control time
 */
public record VendorContext(String endpoint, Keyring keyring, Options options, Clock clock) {
    public VendorContext {
        Checks.notBlank(endpoint, "endpoint");
        Checks.notNull(keyring, "keyring");
        Checks.notNull(options, "options");
        Checks.notNull(clock, "clock");
    }
}
