package dev.hookyard.server.endpoint;

import dev.hookyard.server.config.RateLimitConfig;
import dev.hookyard.server.net.ClientNetwork;
import java.net.InetAddress;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per source: each source may make {@code requests} requests at once, and earns them back evenly
 * over {@code per}. Sources are counted by {@link ClientNetwork}: IPv6 per /64 network, and every source whose address
 * is unknown shares one bucket.
 *
 * <p>Memory is bounded: a bucket that has filled up again is the same as no bucket, so such buckets are dropped as
 * they are met, least recently used first; and beyond {@code maxSources} the least recently used bucket is dropped
 * even if it is not full (that source starts afresh).
 */
public final class RateLimiter {

    /** Default bound on the buckets kept per endpoint. */
    public static final int DEFAULT_MAX_SOURCES = 10_000;

    private final double capacity;
    private final double perMillis;
    private final Clock clock;
    private final int maxSources;
    private final LinkedHashMap<ClientNetwork, Bucket> buckets;

    public RateLimiter(RateLimitConfig config, Clock clock) {
        this(config, clock, DEFAULT_MAX_SOURCES);
    }

    public RateLimiter(RateLimitConfig config, Clock clock, int maxSources) {
        this.capacity = config.requests();
        this.perMillis = Math.max(1, config.per().toMillis());
        this.clock = clock;
        this.maxSources = maxSources;
        this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ClientNetwork, Bucket> eldest) {
                return size() > RateLimiter.this.maxSources;
            }
        };
    }

    /**
     * Takes one request's token for {@code source}: 0 if the request may proceed, else how many whole seconds
     * (at least 1) until it may, for {@code Retry-After}.
     */
    public long acquire(InetAddress source) {
        long now = clock.millis();
        ClientNetwork key = ClientNetwork.of(source);
        synchronized (buckets) {
            dropFullBuckets(now);
            Bucket bucket = buckets.get(key);
            if (bucket == null) {
                bucket = new Bucket(capacity, now);
                buckets.put(key, bucket);
            }
            bucket.refill(now);
            if (bucket.tokens >= 1 - 1e-9) {
                bucket.tokens -= 1;
                return 0;
            }
            double missingMillis = Math.max(0, 1 - bucket.tokens) * perMillis / capacity;
            return Math.max(1, (long) Math.ceil(missingMillis / 1000.0));
        }
    }

    /** How many sources have a bucket (for tests of the memory bound). */
    public int trackedSources() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    /** Drops full buckets from the least recently used end, a few per call, so idle sources cost nothing. */
    private void dropFullBuckets(long now) {
        Iterator<Bucket> it = buckets.values().iterator();
        for (int i = 0; i < 4 && it.hasNext(); i++) {
            Bucket bucket = it.next();
            bucket.refill(now);
            if (bucket.tokens < capacity) {
                return;
            }
            it.remove();
        }
    }

    private final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        void refill(long now) {
            long elapsed = Math.max(0, now - updated);
            tokens = Math.min(capacity, tokens + elapsed * capacity / perMillis);
            updated = Math.max(updated, now);
        }
    }
}
