package dev.hookyard.server.dispatch;

import dev.hookyard.spi.Handler;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The handler instances built from {@code handlers:}, by configured name; closes them all at shutdown. */
public final class ConfiguredHandlers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredHandlers.class);

    private final Map<String, Handler> byName;

    public ConfiguredHandlers(Map<String, Handler> byName) {
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    public Optional<Handler> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public java.util.Set<String> names() {
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
