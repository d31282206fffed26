package dev.hookyard.server.http;

import dev.hookyard.server.config.EndpointAdmission;
import dev.hookyard.server.config.EndpointConfig;
import dev.hookyard.server.net.IpAllowlist;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Each endpoint's admission rules, ready to apply: allow list, rate limiter (with its buckets) and limits. */
public final class EndpointAdmissions {

    /**
     * One endpoint's rules.
     *
     * @param allow          who may call
     * @param rateLimiter    per-source limiter, or null for none
     * @param maxHeaderCount header fields allowed
     * @param bodyTimeout    time allowed for the body
     */
    public record Rules(IpAllowlist allow, RateLimiter rateLimiter, int maxHeaderCount, Duration bodyTimeout) {
    }

    private static final Rules DEFAULT = rules(EndpointAdmission.defaults(), Clock.systemUTC());

    private final Map<String, Rules> byEndpoint = new HashMap<>();

    public EndpointAdmissions(List<EndpointConfig> endpoints, Clock clock) {
        for (EndpointConfig endpoint : endpoints) {
            byEndpoint.put(endpoint.name(), rules(endpoint.admission(), clock));
        }
    }

    /** The rules of the named endpoint (the defaults for one not configured here). */
    public Rules of(String endpoint) {
        return byEndpoint.getOrDefault(endpoint, DEFAULT);
    }

    private static Rules rules(EndpointAdmission admission, Clock clock) {
        return new Rules(IpAllowlist.of(admission.allow()),
                admission.rateLimit() == null ? null : new RateLimiter(admission.rateLimit(), clock),
                admission.maxHeaderCount(), admission.bodyTimeout());
    }
}
