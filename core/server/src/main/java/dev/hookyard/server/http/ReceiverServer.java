package dev.hookyard.server.http;

import dev.hookyard.server.config.HookyardConfig.ServerSettings;
import dev.hookyard.server.config.ServerLimits;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Jetty server that listens for deliveries: HTTP, or HTTPS when {@code server.tls} is set, with the header,
 * time and connection limits of {@code server.limits}.
 */
public final class ReceiverServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final boolean tls;

    public ReceiverServer(ServerSettings settings, DeliveryRequestHandler handler) {
        this(settings, handler, new RejectionCounters());
    }

    public ReceiverServer(ServerSettings settings, DeliveryRequestHandler handler, RejectionCounters rejections) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("hookyard-http");
        server = new Server(threads);
        ServerLimits limits = settings.limits();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(limits.maxHeaderBytes());
        HeaderDeadlines headerDeadlines = new HeaderDeadlines(limits.headerTimeout(), server.getScheduler(),
                rejections);
        http.addCustomizer(headerDeadlines);
        HttpConnectionFactory http1 = new HttpConnectionFactory(http);
        // A bean of the HTTP factory: started with it, and told of each HTTP connection it opens and closes.
        http1.addBean(headerDeadlines);
        tls = settings.tls() != null;
        if (tls) {
            // Requests know they came over TLS; the one certificate serves whatever host name was asked for.
            http.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
            var ssl = TlsSettings.contextFactory(settings.tls());
            connector = new ServerConnector(server, new SslConnectionFactory(ssl, http1.getProtocol()), http1);
            if (!settings.tls().reloadInterval().isZero()) {
                server.addBean(TlsSettings.reloader(ssl, settings.tls()));
            }
        } else {
            connector = new ServerConnector(server, http1);
        }
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        server.addConnector(connector);
        server.addBean(new CountingConnectionLimit(limits.maxConnections(), connector, rejections));
        connector.addBean(new ClientConnectionLimit(limits.maxConnectionsPerClient(),
                new SourceAddress(settings.trustedProxies()), rejections));
        // Graceful: on stop, requests already being read or stored finish before the listener goes away.
        server.setHandler(new GracefulHandler(handler));
        server.setErrorHandler(new PlainTextErrorHandler(rejections));
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

    /** {@code https} when TLS is configured, else {@code http}. */
    public String scheme() {
        return tls ? "https" : "http";
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
