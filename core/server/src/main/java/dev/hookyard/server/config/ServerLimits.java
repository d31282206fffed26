package dev.hookyard.server.config;

import java.time.Duration;

/**
 * Limits on what a sender may make the listener hold ({@code server.limits}). Each has a default fit for webhook
 * traffic; an endpoint may override {@code maxHeaderCount} and {@code bodyTimeout}.
 *
 * @param maxHeaderBytes          the request line and headers together, in bytes; over it: 431
 * @param maxHeaderCount          how many header fields a request may have; over it: 431
 * @param headerTimeout           how long receiving a request line and its headers may take, however steadily they
 *                                trickle in; over it: 408 and the connection closed
 * @param idleTimeout             how long a connection may stay silent (between requests or mid-request) before it is
 *                                closed
 * @param bodyTimeout             how long receiving a whole body may take, however steadily it trickles in; over it: 408
 * @param maxConnections          open connections at most; beyond it new connections wait to be accepted
 * @param maxConnectionsPerClient open connections at most from one client address (IPv6: one /64); beyond it new
 *                                connections from that client are closed at once
 */
public record ServerLimits(int maxHeaderBytes, int maxHeaderCount, Duration headerTimeout, Duration idleTimeout,
                           Duration bodyTimeout, int maxConnections, int maxConnectionsPerClient) {

    public static final int DEFAULT_MAX_HEADER_BYTES = 8 * 1024;
    public static final int DEFAULT_MAX_HEADER_COUNT = 64;
    /** Ample for 8 KiB of headers over any link a webhook sender uses; a slow-loris sender cannot hold a slot longer. */
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_CONNECTIONS = 1024;
    /** A vendor's delivery workers rarely hold more than a few connections; one address may not take them all. */
    public static final int DEFAULT_MAX_CONNECTIONS_PER_CLIENT = 64;

    /** Every limit at its default. */
    public static final ServerLimits DEFAULTS = new ServerLimits(DEFAULT_MAX_HEADER_BYTES, DEFAULT_MAX_HEADER_COUNT,
            DEFAULT_HEADER_TIMEOUT, DEFAULT_IDLE_TIMEOUT, DEFAULT_BODY_TIMEOUT, DEFAULT_MAX_CONNECTIONS,
            DEFAULT_MAX_CONNECTIONS_PER_CLIENT);
}
