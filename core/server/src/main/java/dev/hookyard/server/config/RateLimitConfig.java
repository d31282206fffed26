package dev.hookyard.server.config;

import java.time.Duration;

/**
 * A per-source rate limit ({@code endpoints.X.rateLimit}): each client address may send {@code requests} requests
 * per {@code per}, in bursts of up to {@code requests}; beyond it: 429 with Retry-After.
 */
public record RateLimitConfig(int requests, Duration per) {
}
