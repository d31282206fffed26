package dev.hookyard.plugin.absorbenrich;

import dev.hookyard.plugin.outboundhttp.TargetUrl;

import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.Options;
import dev.hookyard.spi.Secret;

import java.time.Duration;

/**
 * One handler's checked options.
 *
 * @param baseUrl     the Integration API's base URL
 * @param credentials what Absorb's authenticate call takes
 * @param forwardUrl  where enriched events are POSTed
 * @param timeout     the connect and response timeout of every call
 */
record EnrichSettings(TargetUrl baseUrl, AbsorbCredentials credentials, TargetUrl forwardUrl, Duration timeout) {

    static final String BASE_URL = "baseUrl";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String PRIVATE_KEY = "privateKey";
    static final String FORWARD_URL = "forwardUrl";
    static final String TIMEOUT_SECONDS = "timeoutSeconds";

    static final long DEFAULT_TIMEOUT_SECONDS = 10;

    /** Reads and checks the options; every problem is an {@link InvalidOptionException} naming the key. */
    static EnrichSettings from(Options options) {
        TargetUrl baseUrl = TargetUrl.parse(BASE_URL, options.requiredString(BASE_URL),
                "remove user:password@ from " + BASE_URL);
        if (baseUrl.uri().getRawQuery() != null || baseUrl.uri().getRawFragment() != null) {
            throw new InvalidOptionException(BASE_URL, "must not have a query or a fragment",
                    "write " + BASE_URL + ": https://rest.myabsorb.com");
        }
        AbsorbCredentials credentials = new AbsorbCredentials(options.requiredString(USERNAME),
                Secret.of(options.requiredString(PASSWORD)), Secret.of(options.requiredString(PRIVATE_KEY)));
        TargetUrl forwardUrl = TargetUrl.parse(FORWARD_URL, options.requiredString(FORWARD_URL),
                "remove user:password@ from " + FORWARD_URL);
        Duration timeout = Duration.ofSeconds(options.longValue(TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS, 1, 300));
        return new EnrichSettings(baseUrl, credentials, forwardUrl, timeout);
    }
}
