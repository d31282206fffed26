package dev.hookyard.server.management;

import dev.hookyard.server.config.HookyardConfig.ManagementSettings;
import dev.hookyard.server.http.PlainTextErrorHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management listener (the console and the JSON API): its own Jetty server, port and small thread pool, so that operating the server never
 * competes with senders for the delivery listener, and a flood of deliveries cannot lock the operator out.
 */
public final class ManagementServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("hookyard");
    private static final long STOP_TIMEOUT_MILLIS = 5_000;

    private final Server server;
    private final ServerConnector connector;

    /** @param handler every request's handler: the console and the API (see ConsoleRoutes) */
    public ManagementServer(ManagementSettings settings, Handler handler) {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("hookyard-management");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        server.addConnector(connector);
        server.setHandler(handler);
        server.setErrorHandler(new PlainTextErrorHandler());
        server.setStopTimeout(STOP_TIMEOUT_MILLIS);
        server.setStopAtShutdown(false);
    }

    public void start() throws Exception {
        server.start();
        LOG.info("Management API on http://{}:{}", host(), port());
    }

    /** The bound port (useful when configured as 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public String host() {
        String host = connector.getHost();
        return host == null ? "0.0.0.0" : host;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
