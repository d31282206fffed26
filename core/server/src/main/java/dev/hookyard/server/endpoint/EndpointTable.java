package dev.hookyard.server.endpoint;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured endpoints, looked up by exact request path (on every request) or by name (when dispatching). */
public final class EndpointTable {

    private final Map<String, Endpoint> byPath = new LinkedHashMap<>();
    private final Map<String, Endpoint> byName = new LinkedHashMap<>();

    public EndpointTable(List<Endpoint> endpoints) {
        for (Endpoint endpoint : endpoints) {
            if (byPath.putIfAbsent(endpoint.path(), endpoint) != null) {
                throw new IllegalArgumentException("two endpoints share the path " + endpoint.path());
            }
            if (byName.putIfAbsent(endpoint.name(), endpoint) != null) {
                throw new IllegalArgumentException("two endpoints share the name " + endpoint.name());
            }
        }
    }

    public Optional<Endpoint> byPath(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    public Optional<Endpoint> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<Endpoint> all() {
        return byName.values();
    }
}
