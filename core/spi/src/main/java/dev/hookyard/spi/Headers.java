package dev.hookyard.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The request headers of a delivery: immutable, names matched case-insensitively (HTTP says so, and senders
 * differ: {@code LL-Signature} arrives as {@code Ll-Signature}), order of values kept.
 */
public final class Headers {

    private static final Headers EMPTY = new Headers(Map.of());

    /** Lower-cased name to the values in arrival order; the first-seen spelling is kept for {@link #toMap()}. */
    private final Map<String, List<String>> byLowerName;
    private final Map<String, String> spelling;

    private Headers(Map<String, List<String>> source) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        source.forEach((name, list) -> {
            Checks.notNull(name, "header name");
            for (String value : list) {
                Checks.notNull(value, "value of header " + name);
            }
            String key = name.toLowerCase(Locale.ROOT);
            List<String> seen = values.get(key);
            if (seen == null) {
                values.put(key, List.copyOf(list));
                names.put(key, name);
            } else {
                // The same name in another case: one header, values in arrival order.
                List<String> merged = new ArrayList<>(seen);
                merged.addAll(list);
                values.put(key, List.copyOf(merged));
            }
        });
        this.byLowerName = Collections.unmodifiableMap(values);
        this.spelling = Collections.unmodifiableMap(names);
    }

    /** Headers with no entries. */
    public static Headers empty() {
        return EMPTY;
    }

    /** Copies the given multi-map; names that differ only in case are merged. */
    public static Headers of(Map<String, ? extends List<String>> headers) {
        return new Headers(Collections.unmodifiableMap(headers));
    }

    /** Single-valued headers, in the given order. */
    public static Headers ofSingle(Map<String, String> headers) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((k, v) -> multi.put(k, List.of(v)));
        return new Headers(multi);
    }

    /** The first value of the named header, if present. */
    public Optional<String> first(String name) {
        List<String> values = all(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of the named header in arrival order; empty if absent. */
    public List<String> all(String name) {
        return byLowerName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** Header names as first seen, in arrival order. */
    public List<String> names() {
        return List.copyOf(spelling.values());
    }

    /** Calls {@code action} with each header's name as first seen and its values, in arrival order, copying nothing. */
    public void forEach(BiConsumer<String, List<String>> action) {
        byLowerName.forEach((key, values) -> action.accept(spelling.get(key), values));
    }

    /** An unmodifiable copy keyed by the names as first seen. */
    public Map<String, List<String>> toMap() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        byLowerName.forEach((key, values) -> copy.put(spelling.get(key), values));
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Headers h && h.byLowerName.equals(byLowerName);
    }

    @Override
    public int hashCode() {
        return byLowerName.hashCode();
    }

    /** Names only: header values may hold credentials and must not reach a log by accident. */
    @Override
    public String toString() {
        return "Headers" + names();
    }
}
