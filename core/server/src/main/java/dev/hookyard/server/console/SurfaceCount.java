package dev.hookyard.server.console;

import dev.hookyard.server.metrics.ServerMetrics;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Counts each request to one surface of the management port ({@code hookyard_management_requests_total{surface}}):
 * a fixed label, whatever path was asked for.
 */
final class SurfaceCount extends Handler.Wrapper {

    private final ServerMetrics metrics;
    private final String surface;

    SurfaceCount(String surface, ServerMetrics metrics, Handler handler) {
        super(handler);
        this.metrics = metrics;
        this.surface = surface;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        metrics.managementRequest(surface);
        return super.handle(request, response, callback);
    }
}
