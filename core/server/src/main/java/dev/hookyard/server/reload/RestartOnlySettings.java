package dev.hookyard.server.reload;

import dev.hookyard.server.config.HookyardConfig;
import dev.hookyard.server.config.HookyardConfig.ServerSettings;
import dev.hookyard.server.config.ServerLimits;
import dev.hookyard.server.config.TlsConfig;
import dev.hookyard.server.store.postgres.PostgresSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The settings a reload cannot apply, because the parts they configure are built once at startup: the listener
 * (its address, TLS, connection limits, trusted proxies), the credential-header rule the store masks with, the store,
 * the management API, the plugins, the log format and the file watch itself. Everything else (endpoints with their
 * secrets, options, limits and access rules, handlers, routes, and the defaults endpoints take from {@code server}:
 * {@code maxBodyBytes}, {@code limits.maxHeaderCount}, {@code limits.bodyTimeout}) is applied by a reload.
 */
final class RestartOnlySettings {

    private RestartOnlySettings() {
    }

    /**
     * The keys whose value in {@code loaded} differs from the one the server started with: they take effect at the
     * next restart. Only key names: several of these values are secrets.
     */
    static List<String> changed(HookyardConfig started, HookyardConfig loaded) {
        List<String> keys = new ArrayList<>();
        server(started.server(), loaded.server(), keys);
        store(started.store(), loaded.store(), keys);
        compare("management.enabled", started, loaded, c -> c.management().enabled(), keys);
        compare("management.host", started, loaded, c -> c.management().host(), keys);
        compare("management.port", started, loaded, c -> c.management().port(), keys);
        compare("management.token", started, loaded, c -> c.management().token(), keys);
        compare("plugins.directory", started, loaded, c -> c.plugins().directory(), keys);
        compare("plugins.onError", started, loaded, c -> c.plugins().onError(), keys);
        compare("logging.format", started, loaded, c -> c.logging().format(), keys);
        compare("reload.watch", started, loaded, c -> c.reload().watch(), keys);
        return keys;
    }

    private static void server(ServerSettings started, ServerSettings loaded, List<String> keys) {
        compare("server.host", started, loaded, ServerSettings::host, keys);
        compare("server.port", started, loaded, ServerSettings::port, keys);
        compare("server.shutdownGrace", started, loaded, ServerSettings::shutdownGrace, keys);
        compare("server.trustedProxies", started, loaded, ServerSettings::trustedProxies, keys);
        compare("server.maskHeaders", started, loaded, ServerSettings::credentialHeaders, keys);
        TlsConfig before = started.tls();
        TlsConfig after = loaded.tls();
        if ((before == null) != (after == null)) {
            keys.add("server.tls");
        } else if (before != null) {
            compare("server.tls.keystore", before, after, TlsConfig::keystore, keys);
            compare("server.tls.password", before, after, TlsConfig::password, keys);
            compare("server.tls.reloadInterval", before, after, TlsConfig::reloadInterval, keys);
        }
        ServerLimits was = started.limits();
        ServerLimits is = loaded.limits();
        compare("server.limits.maxHeaderBytes", was, is, ServerLimits::maxHeaderBytes, keys);
        compare("server.limits.headerTimeout", was, is, ServerLimits::headerTimeout, keys);
        compare("server.limits.idleTimeout", was, is, ServerLimits::idleTimeout, keys);
        compare("server.limits.maxConnections", was, is, ServerLimits::maxConnections, keys);
        compare("server.limits.maxConnectionsPerClient", was, is, ServerLimits::maxConnectionsPerClient, keys);
    }

    private static void store(HookyardConfig.StoreSettings started, HookyardConfig.StoreSettings loaded,
                              List<String> keys) {
        PostgresSettings before = started.postgres();
        PostgresSettings after = loaded.postgres();
        if ((before == null) != (after == null)) {
            keys.add("store.type");
        } else if (before == null) {
            compare("store.path", started, loaded, HookyardConfig.StoreSettings::directory, keys);
        } else {
            compare("store.url", before, after, PostgresSettings::url, keys);
            compare("store.user", before, after, PostgresSettings::user, keys);
            compare("store.password", before, after, PostgresSettings::password, keys);
            compare("store.poolSize", before, after, PostgresSettings::poolSize, keys);
            compare("store.schema", before, after, PostgresSettings::schema, keys);
            compare("store.leaseTime", before, after, PostgresSettings::leaseTime, keys);
        }
        compare("store.retentionDays", started, loaded, HookyardConfig.StoreSettings::retentionDays, keys);
        compare("store.maxBacklog", started, loaded, HookyardConfig.StoreSettings::maxBacklog, keys);
    }

    private static <T> void compare(String key, T started, T loaded, Function<T, ?> value, List<String> keys) {
        if (!Objects.equals(value.apply(started), value.apply(loaded))) {
            keys.add(key);
        }
    }
}
