package dev.hookyard.server.endpoint;

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
    /** What each endpoint's rules were built from, so that a reload can tell which rules it may keep. */
    private final Map<String, EndpointAdmission> configured = new HashMap<>();

    public EndpointAdmissions(List<EndpointConfig> endpoints, Clock clock) {
        this(endpoints, clock, Map.of(), Map.of());
    }

    private EndpointAdmissions(List<EndpointConfig> endpoints, Clock clock, Map<String, Rules> previous,
                               Map<String, EndpointAdmission> previouslyConfigured) {
        for (EndpointConfig endpoint : endpoints) {
            EndpointAdmission admission = endpoint.admission();
            boolean unchanged = admission.equals(previouslyConfigured.get(endpoint.name()));
            byEndpoint.put(endpoint.name(), unchanged ? previous.get(endpoint.name()) : rules(admission, clock));
            configured.put(endpoint.name(), admission);
        }
    }

    /**
     * The rules of a reloaded configuration: an endpoint whose admission settings did not change keeps its rules,
     * and so its rate limiter's buckets (a reload must not hand every client a fresh burst); the others are new.
     */
    public EndpointAdmissions reloaded(List<EndpointConfig> endpoints, Clock clock) {
        return new EndpointAdmissions(endpoints, clock, byEndpoint, configured);
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
