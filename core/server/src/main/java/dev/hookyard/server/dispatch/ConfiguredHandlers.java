package dev.hookyard.server.dispatch;

import dev.hookyard.spi.Handler;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler instances built from {@code handlers:}, by configured name, each with the policy it is called under;
 * closes them all at shutdown.
 */
public final class ConfiguredHandlers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredHandlers.class);

    private final Map<String, Handler> byName;
    private final Map<String, HandlerPolicy> policies;

    /** Handlers called under the default policy. */
    public ConfiguredHandlers(Map<String, Handler> byName) {
        this(byName, Map.of());
    }

    /** Handlers with their policies; a handler without one gets {@link HandlerPolicy#defaults}. */
    public ConfiguredHandlers(Map<String, Handler> byName, Map<String, HandlerPolicy> policies) {
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
        this.policies = Map.copyOf(policies);
    }

    public Optional<Handler> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The handler's own policy, or {@code fallback} when the configuration set none. */
    public HandlerPolicy policy(String name, HandlerPolicy fallback) {
        return policies.getOrDefault(name, fallback);
    }

    public Set<String> names() {
        return byName.keySet();
    }

    @Override
    public void close() {
        byName.forEach((name, handler) -> {
            try {
                handler.close();
            } catch (Exception e) {
                LOG.warn("Handler {} failed to close: {}", name, e.toString());
            }
        });
    }
}
