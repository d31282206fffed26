package dev.hookyard.server.http;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnectionLimit;

/**
 * Jetty's limit on open network connections: at the limit the connector stops accepting, so new connections wait
 * in the operating system's backlog until one closes. Each time the limit is reached it is counted.
 */
final class CountingConnectionLimit extends NetworkConnectionLimit {

    private final RejectionCounters rejections;
    private final int max;

    CountingConnectionLimit(int max, Connector connector, RejectionCounters rejections) {
        super(max, connector);
        this.max = max;
        this.rejections = rejections;
    }

    @Override
    protected void limit() {
        super.limit();
        rejections.record(RejectionCounters.Reason.CONNECTION_LIMIT, "open connections reached maxConnections="
                + max + "; new connections wait until one closes");
    }
}
