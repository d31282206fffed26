package dev.hookyard.server.http;

import dev.hookyard.server.logging.ThrottledWarnings;
import dev.hookyard.server.metrics.ServerMetrics;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts requests and connections refused by a limit or an access rule, one counter per reason (and, in
 * {@code hookyard_rejections_total}, per endpoint), and logs each at WARN, at most one line per endpoint and reason
 * every ten seconds. Never at ERROR: a sender breaking a limit is not a fault of the server.
 */
public final class RejectionCounters {

    /** Why a request or connection was refused. */
    public enum Reason {
        /** Request line and headers over {@code server.limits.maxHeaderBytes} (431). */
        HEADERS_TOO_LARGE,
        /** More header fields than the endpoint's {@code maxHeaderCount} (431). */
        TOO_MANY_HEADERS,
        /**
         * Request line and headers not received within {@code server.limits.headerTimeout} (408 and the connection
         * closed; closed without a word if nothing arrived).
         */
        HEADER_TIMEOUT,
        /** Body over the endpoint's {@code maxBodyBytes} (413). */
        BODY_TOO_LARGE,
        /** Body not received within the endpoint's {@code bodyTimeout} (408, connection closed). */
        BODY_TIMEOUT,
        /** Sender silent mid-request for {@code server.limits.idleTimeout} (408 or connection closed). */
        IDLE_TIMEOUT,
        /** {@code server.limits.maxConnections} reached: new connections wait to be accepted. */
        CONNECTION_LIMIT,
        /** {@code server.limits.maxConnectionsPerClient} reached: the client's new connection is closed at once. */
        CLIENT_CONNECTION_LIMIT,
        /** Client address not in the endpoint's {@code allow} list (403). */
        NOT_ALLOWED,
        /** Over the endpoint's per-source {@code rateLimit} (429). */
        RATE_LIMITED,
        /** Pending handler runs at {@code store.maxBacklog}: handlers are behind (503 with Retry-After). */
        BACKLOG_FULL;

        /** The stable lower-case code for logs and metric labels, e.g. {@code body_timeout}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger("hookyard.limits");

    private final Map<Reason, AtomicLong> counts = new EnumMap<>(Reason.class);
    private final ThrottledWarnings warnings;
    private final ServerMetrics metrics;

    /** Counters of their own, not in the server's metrics. */
    public RejectionCounters() {
        this(ServerMetrics.detached());
    }

    /** Counters that also count in {@code metrics}' {@code hookyard_rejections_total}. */
    public RejectionCounters(ServerMetrics metrics) {
        this.metrics = metrics;
        for (Reason reason : Reason.values()) {
            counts.put(reason, new AtomicLong());
        }
        warnings = new ThrottledWarnings(LOG, Duration.ofSeconds(10), System::nanoTime);
    }

    /** Counts one refusal made before any endpoint is known and logs it (throttled); {@code detail} is not secret. */
    public void record(Reason reason, String detail) {
        counts.get(reason).incrementAndGet();
        metrics.endpoint(ServerMetrics.NO_ENDPOINT).rejected(reason.code());
        warnings.warn(reason.code(), "refused reason={} {}", reason.code(), detail);
    }

    /** Counts one refusal of a request to {@code endpoint} and logs it (throttled); {@code detail} is not secret. */
    public void record(Reason reason, String endpoint, String detail) {
        counts.get(reason).incrementAndGet();
        metrics.endpoint(endpoint).rejected(reason.code());
        warnings.warn(endpoint + " " + reason.code(), "refused reason={} endpoint={} {}", reason.code(), endpoint,
                detail);
    }

    /** How many refusals for {@code reason} since start. */
    public long count(Reason reason) {
        return counts.get(reason).get();
    }

    /** Every counter, in {@link Reason} order. */
    public Map<Reason, Long> snapshot() {
        Map<Reason, Long> snapshot = new EnumMap<>(Reason.class);
        counts.forEach((reason, count) -> snapshot.put(reason, count.get()));
        return snapshot;
    }
}
