package dev.hookyard.server.config;

import dev.hookyard.server.net.Cidr;
import java.time.Duration;
import java.util.List;

/**
 * What a request to one endpoint must satisfy before its body is read, and how long reading it may take; the
 * limits are the endpoint's own or {@code server.limits}'.
 *
 * @param allow          client address blocks allowed to call; empty allows everyone
 * @param rateLimit      the per-source rate limit, or null for none
 * @param maxHeaderCount how many header fields a request may have
 * @param bodyTimeout    how long receiving the body may take
 */
public record EndpointAdmission(List<Cidr> allow, RateLimitConfig rateLimit, int maxHeaderCount,
                                Duration bodyTimeout) {

    public EndpointAdmission {
        allow = List.copyOf(allow);
    }

    /** Everyone, no rate limit, the server's default limits. */
    public static EndpointAdmission defaults() {
        return new EndpointAdmission(List.of(), null, ServerLimits.DEFAULT_MAX_HEADER_COUNT,
                ServerLimits.DEFAULT_BODY_TIMEOUT);
    }
}
