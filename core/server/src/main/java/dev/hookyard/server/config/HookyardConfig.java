package dev.hookyard.server.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The whole configuration after references are resolved and syntax is checked. Cross-checks against installed
 * vendors and handler types happen when the server is assembled, since they need the plugins.
 *
 * @param file      the file it was read from
 * @param home      the Hookyard home directory that relative paths resolve against
 * @param server    the HTTP listener
 * @param store     the delivery store
 * @param endpoints receiving endpoints, in file order
 * @param handlers  configured handler instances, in file order
 * @param routes    routes from events to handlers, in file order
 */
public record HookyardConfig(Path file, Path home, ServerSettings server, StoreSettings store,
                             List<EndpointConfig> endpoints, List<HandlerConfig> handlers, List<RouteConfig> routes) {

    public HookyardConfig {
        endpoints = List.copyOf(endpoints);
        handlers = List.copyOf(handlers);
        routes = List.copyOf(routes);
    }

    /**
     * The HTTP listener.
     *
     * @param host          bind address
     * @param port          port, 0 for any free port
     * @param maxBodyBytes  default body limit of every endpoint
     * @param shutdownGrace how long a stop lets in-flight requests and handler calls finish
     */
    public record ServerSettings(String host, int port, int maxBodyBytes, java.time.Duration shutdownGrace) {

        /** Default {@link #shutdownGrace}. */
        public static final java.time.Duration DEFAULT_SHUTDOWN_GRACE = java.time.Duration.ofSeconds(10);

        /** Settings with the default shutdown grace. */
        public ServerSettings(String host, int port, int maxBodyBytes) {
            this(host, port, maxBodyBytes, DEFAULT_SHUTDOWN_GRACE);
        }
    }

    /**
     * The embedded store.
     *
     * @param directory where the database lives (absolute)
     */
    public record StoreSettings(Path directory) {
    }
}
