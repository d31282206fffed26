package dev.hookyard.server.config;

import dev.hookyard.server.plugin.PluginFailurePolicy;
import dev.hookyard.server.tracing.TracingSettings;
import dev.hookyard.spi.CredentialHeaders;
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
 * @param routes     routes from events to handlers, in file order
 * @param management the management API listener
 * @param plugins    where plugins are loaded from, and what a plugin that fails to load does
 * @param logging    the log format
 * @param tracing    whether deliveries and handler attempts are traced, and where spans are exported
 * @param reload     what reloads the configuration besides SIGHUP and {@code POST /reload}
 * @param fileSha256 the SHA-256 of the file's bytes as they were read (lower-case hex), or null when not read from a
 *                   file: names the configuration in the reload answer and metrics without showing any of it
 */
public record HookyardConfig(Path file, Path home, ServerSettings server, StoreSettings store,
                             List<EndpointConfig> endpoints, List<HandlerConfig> handlers, List<RouteConfig> routes,
                             ManagementSettings management, PluginSettings plugins, LoggingSettings logging,
                             TracingSettings tracing, ReloadSettings reload, String fileSha256) {

    public HookyardConfig {
        endpoints = List.copyOf(endpoints);
        handlers = List.copyOf(handlers);
        routes = List.copyOf(routes);
    }

    /** Without a {@code tracing:} or {@code reload:} section (tracing off), not read from a file. */
    public HookyardConfig(Path file, Path home, ServerSettings server, StoreSettings store,
                          List<EndpointConfig> endpoints, List<HandlerConfig> handlers, List<RouteConfig> routes,
                          ManagementSettings management, PluginSettings plugins, LoggingSettings logging) {
        this(file, home, server, store, endpoints, handlers, routes, management, plugins, logging,
                TracingSettings.OFF, ReloadSettings.DEFAULT, null);
    }

    /** Without a {@code logging:} section: text logs. */
    public HookyardConfig(Path file, Path home, ServerSettings server, StoreSettings store,
                          List<EndpointConfig> endpoints, List<HandlerConfig> handlers, List<RouteConfig> routes,
                          ManagementSettings management, PluginSettings plugins) {
        this(file, home, server, store, endpoints, handlers, routes, management, plugins, LoggingSettings.DEFAULT);
    }

    /** Without {@code management:} and {@code plugins:} sections: their defaults. */
    public HookyardConfig(Path file, Path home, ServerSettings server, StoreSettings store,
                          List<EndpointConfig> endpoints, List<HandlerConfig> handlers, List<RouteConfig> routes) {
        this(file, home, server, store, endpoints, handlers, routes, ManagementSettings.DEFAULT);
    }

    /**
     * Without a {@code plugins:} section: {@code plugins/} under the home, a plugin that fails to load stopping
     * startup.
     */
    public HookyardConfig(Path file, Path home, ServerSettings server, StoreSettings store,
                          List<EndpointConfig> endpoints, List<HandlerConfig> handlers, List<RouteConfig> routes,
                          ManagementSettings management) {
        this(file, home, server, store, endpoints, handlers, routes, management, PluginSettings.defaults(home));
    }

    /**
     * The HTTP listener.
     *
     * @param host           bind address
     * @param port           port, 0 for any free port
     * @param maxBodyBytes   default body limit of every endpoint
     * @param shutdownGrace  how long a stop lets in-flight requests and handler calls finish
     * @param tls            HTTPS settings, or null for plain HTTP
     * @param limits         header, timeout and connection limits
     * @param trustedProxies peers whose {@code X-Forwarded-For} is believed
     * @param credentialHeaders which request headers are masked once verified: the built-in patterns and those of
     *                          {@code server.maskHeaders}
     */
    public record ServerSettings(String host, int port, int maxBodyBytes, java.time.Duration shutdownGrace,
                                 TlsConfig tls, ServerLimits limits,
                                 List<dev.hookyard.server.net.Cidr> trustedProxies,
                                 CredentialHeaders credentialHeaders) {

        /** Default {@link #shutdownGrace}. */
        public static final java.time.Duration DEFAULT_SHUTDOWN_GRACE = java.time.Duration.ofSeconds(10);

        public ServerSettings {
            trustedProxies = List.copyOf(trustedProxies);
        }

        /** Plain HTTP with the default limits, no trusted proxy, and the built-in credential headers. */
        public ServerSettings(String host, int port, int maxBodyBytes, java.time.Duration shutdownGrace) {
            this(host, port, maxBodyBytes, shutdownGrace, null, ServerLimits.DEFAULTS, List.of(),
                    CredentialHeaders.DEFAULT);
        }

        /** Settings with the default shutdown grace. */
        public ServerSettings(String host, int port, int maxBodyBytes) {
            this(host, port, maxBodyBytes, DEFAULT_SHUTDOWN_GRACE);
        }
    }

    /**
     * The delivery store: the embedded SQLite database, or a PostgreSQL database that several nodes share.
     *
     * @param directory     where the embedded database lives (absolute)
     * @param retentionDays finished deliveries older than this many days are purged once a day; 0 keeps them
     * @param maxBacklog    pending handler runs at which new deliveries are answered 503 until handlers catch up
     * @param postgres      the PostgreSQL store ({@code store.type: postgres}), or null for the embedded one
     */
    public record StoreSettings(Path directory, int retentionDays, long maxBacklog,
                                dev.hookyard.server.store.postgres.PostgresSettings postgres) {

        /** The embedded store. */
        public StoreSettings(Path directory, int retentionDays, long maxBacklog) {
            this(directory, retentionDays, maxBacklog, null);
        }

        /** Default retention: finished deliveries are kept 30 days. */
        public static final int DEFAULT_RETENTION_DAYS = 30;
        /** The default backlog bound: {@code store.maxBacklog} when the file does not set it. */
        public static final long DEFAULT_MAX_BACKLOG = 100_000;

        public StoreSettings(Path directory) {
            this(directory, DEFAULT_RETENTION_DAYS);
        }

        public StoreSettings(Path directory, int retentionDays) {
            this(directory, retentionDays, DEFAULT_MAX_BACKLOG);
        }
    }

    /**
     * The management API (health, metrics, inspect, replay, purge): its own listener, loopback by default.
     *
     * @param enabled whether it listens at all
     * @param host    bind address
     * @param port    port, 0 for any free port
     * @param token   the bearer token every request but {@code /health/live} must carry, or null for none (allowed
     *                only on a loopback bind)
     */
    public record ManagementSettings(boolean enabled, String host, int port, dev.hookyard.spi.Secret token) {

        /** {@code 127.0.0.1:9090}, no token. */
        public static final ManagementSettings DEFAULT = new ManagementSettings(true, "127.0.0.1", 9090);

        /** Without a token. */
        public ManagementSettings(boolean enabled, String host, int port) {
            this(enabled, host, port, null);
        }
    }

    /**
     * Logging.
     *
     * @param format how lines are written to the console and the log file
     */
    public record LoggingSettings(LogFormat format) {

        /** Text lines, as {@code conf/logback.xml} writes them. */
        public static final LoggingSettings DEFAULT = new LoggingSettings(LogFormat.TEXT);

        /** The {@code logging.format} values. */
        public enum LogFormat {
            /** The pattern of {@code conf/logback.xml}. */
            TEXT,
            /** One JSON object per line (Logback's JsonEncoder), for log collectors. */
            JSON
        }
    }

    /**
     * The plugins directory.
     *
     * @param directory where plugins are found (absolute); {@code run --plugins DIR} overrides it
     * @param onError   what a plugin that cannot be loaded does to startup
     */
    public record PluginSettings(Path directory, PluginFailurePolicy onError) {

        /** {@code plugins/} under {@code home}; a plugin that fails to load stops startup. */
        public static PluginSettings defaults(Path home) {
            return new PluginSettings(home.resolve("plugins"), PluginFailurePolicy.FAIL);
        }
    }

    /**
     * Reloading ({@code reload:}).
     *
     * @param watch whether a change to the configuration file reloads it (besides SIGHUP and {@code POST /reload})
     */
    public record ReloadSettings(boolean watch) {

        /** Reload on SIGHUP and {@code POST /reload} only. */
        public static final ReloadSettings DEFAULT = new ReloadSettings(false);
    }
}
