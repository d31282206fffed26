package dev.hookyard.server.http;

import dev.hookyard.server.config.HookyardConfig.ServerSettings;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The Jetty server that listens for deliveries. */
public final class ReceiverServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;

    public ReceiverServer(ServerSettings settings, DeliveryRequestHandler handler) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("hookyard-http");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        server.addConnector(connector);
        // Graceful: on stop, requests already being read or stored finish before the listener goes away.
        server.setHandler(new GracefulHandler(handler));
        server.setErrorHandler(new PlainTextErrorHandler());
        server.setStopTimeout(Math.max(1, settings.shutdownGrace().toMillis()));
        server.setStopAtShutdown(false);
    }

    public void start() throws Exception {
        server.start();
    }

    /** The bound port (useful when configured as 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** Whether the listener is started and its port open (a readiness check). */
    public boolean isRunning() {
        return server.isStarted() && connector.isOpen();
    }

    public String host() {
        String host = connector.getHost();
        return host == null ? "0.0.0.0" : host;
    }

    /** Stops accepting and lets in-flight requests finish within the stop timeout. */
    @Override
    public void close() throws Exception {
        server.stop();
    }
}
