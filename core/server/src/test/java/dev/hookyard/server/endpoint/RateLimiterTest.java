package dev.hookyard.server.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.server.config.RateLimitConfig;
import dev.hookyard.server.net.Cidr;
import dev.hookyard.server.testing.SettableClock;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Token buckets per source, driven by a clock the test moves. */
class RateLimiterTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private static InetAddress ip(String text) {
        return Cidr.address(text).orElseThrow();
    }

    @Test
    void aBurstOfRequestsIsAllowedThenRefusedUntilTokensComeBack() {
        RateLimiter limiter = new RateLimiter(new RateLimitConfig(3, Duration.ofSeconds(3)), clock);
        InetAddress a = ip("203.0.113.1");

        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire(a), "request " + i);
        }
        assertEquals(1, limiter.acquire(a), "one token per second: retry after 1 s");

        clock.advance(Duration.ofMillis(999));
        assertEquals(1, limiter.acquire(a), "rounded up, never 0");
        clock.advance(Duration.ofMillis(1));
        assertEquals(0, limiter.acquire(a));
        assertEquals(1, limiter.acquire(a));
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilTheNextTokenRoundedUp() {
        RateLimiter limiter = new RateLimiter(new RateLimitConfig(2, Duration.ofMinutes(1)), clock);
        InetAddress a = ip("203.0.113.1");
        limiter.acquire(a);
        limiter.acquire(a);
        assertEquals(30, limiter.acquire(a));
        clock.advance(Duration.ofMillis(100));
        assertEquals(30, limiter.acquire(a), "29.9 s rounds up to 30");
    }

    @Test
    void eachSourceHasItsOwnBucketAndIpv6CountsPer64() {
        RateLimiter limiter = new RateLimiter(new RateLimitConfig(1, Duration.ofSeconds(10)), clock);
        assertEquals(0, limiter.acquire(ip("203.0.113.1")));
        assertEquals(0, limiter.acquire(ip("203.0.113.2")));
        assertTrue(limiter.acquire(ip("203.0.113.1")) > 0);

        assertEquals(0, limiter.acquire(ip("2001:db8:0:1::1")));
        assertTrue(limiter.acquire(ip("2001:db8:0:1::2")) > 0, "same /64");
        assertEquals(0, limiter.acquire(ip("2001:db8:0:2::1")), "another /64");

        assertEquals(0, limiter.acquire(null));
        assertTrue(limiter.acquire(null) > 0, "unknown sources share one bucket");
    }

    @Test
    void memoryIsBoundedIdleBucketsAreDroppedAndTheMapIsCapped() {
        RateLimiter limiter = new RateLimiter(new RateLimitConfig(5, Duration.ofSeconds(1)), clock, 100);
        for (int i = 0; i < 1000; i++) {
            limiter.acquire(ip("10.0." + (i / 256) + "." + (i % 256)));
            assertTrue(limiter.trackedSources() <= 100, "at most 100 buckets");
        }
        assertEquals(100, limiter.trackedSources());

        clock.advance(Duration.ofSeconds(2));
        for (int i = 0; i < 30; i++) {
            limiter.acquire(ip("192.0.2.1"));
        }
        assertTrue(limiter.trackedSources() < 100, "full buckets of idle sources are dropped: "
                + limiter.trackedSources());
    }

    @Test
    void aClockGoingBackwardsGivesNoTokens() {
        RateLimiter limiter = new RateLimiter(new RateLimitConfig(1, Duration.ofSeconds(1)), clock);
        InetAddress a = ip("203.0.113.1");
        assertEquals(0, limiter.acquire(a));
        clock.advance(Duration.ofHours(-1));
        assertTrue(limiter.acquire(a) > 0);
    }
}
