package dev.hookyard.spi;

import java.util.List;
import java.util.Optional;

/**
 * Every event type a vendor sends, with a sample body for each. The test kit proves each sample verifies and parses
 * to its declared class; the CLI lists them and sends signed samples; routes are checked against the names.
 *
 * @param types the event types, names unique
 */
public record EventCatalog(List<EventType> types) {

    public EventCatalog {
        types = List.copyOf(Checks.notNull(types, "types"));
        if (types.stream().map(EventType::name).distinct().count() != types.size()) {
            throw new IllegalArgumentException("event type names must be unique");
        }
    }

    /** The event type with this exact wire name. */
    public Optional<EventType> find(String name) {
        return types.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The wire names in catalog order. */
    public List<String> names() {
        return types.stream().map(EventType::name).toList();
    }
}
