package dev.hookyard.server.http;

/**
 * Where one connection stands with respect to its header deadline (see {@link HeaderDeadlines}): receiving a
 * request's headers (the deadline runs), handling a request, between requests (waiting for the next one's first
 * byte), or expired. Thread-safe: Jetty's threads report requests while the scheduler checks deadlines.
 */
final class HeaderWatch {

    private enum Phase { HEADERS, HANDLING, BETWEEN, EXPIRED }

    private Phase phase = Phase.HEADERS;
    /** When the current request's headers began, by {@link System#nanoTime()}. */
    private long since;
    /** The connection's byte count when it was last between requests; bytes beyond it belong to the next request. */
    private long bytesAtRest;

    /** A watch on a connection opened at {@code openedNanos}: its first request's deadline runs from then. */
    HeaderWatch(long openedNanos) {
        this.since = openedNanos;
    }

    /** The current request's headers are in; false if its deadline expired first (the connection is being closed). */
    synchronized boolean headersReceived() {
        if (phase == Phase.EXPIRED) {
            return false;
        }
        phase = Phase.HANDLING;
        return true;
    }

    /** The current request was answered; {@code bytesIn} is the connection's byte count now. */
    synchronized void requestCompleted(long bytesIn) {
        if (phase == Phase.HANDLING) {
            phase = Phase.BETWEEN;
            bytesAtRest = bytesIn;
        }
    }

    /**
     * Checks the deadline at {@code now}, given the connection's byte count: true, once, when it has passed. A
     * connection between requests starts its next deadline when its byte count is first seen to have grown.
     */
    synchronized boolean expired(long now, long timeoutNanos, long bytesIn) {
        return switch (phase) {
            case BETWEEN -> {
                if (bytesIn != bytesAtRest) {
                    phase = Phase.HEADERS;
                    since = now;
                }
                yield false;
            }
            case HEADERS -> {
                if (now - since < timeoutNanos) {
                    yield false;
                }
                phase = Phase.EXPIRED;
                yield true;
            }
            case HANDLING, EXPIRED -> false;
        };
    }

    /** Whether any byte of the request being received has arrived, given the connection's byte count. */
    synchronized boolean spoke(long bytesIn) {
        return bytesIn != bytesAtRest;
    }
}
