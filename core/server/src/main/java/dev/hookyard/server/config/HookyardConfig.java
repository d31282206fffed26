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
     * @param host         bind address
     * @param port         port, 0 for any free port
     * @param maxBodyBytes default body limit of every endpoint
     */
    public record ServerSettings(String host, int port, int maxBodyBytes) {
    }

    /**
     * The embedded store.
     *
     * @param directory where the database lives (absolute)
     */
    public record StoreSettings(Path directory) {
    }
}
