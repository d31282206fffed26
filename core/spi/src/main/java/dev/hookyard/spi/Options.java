package dev.hookyard.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code options:} of one endpoint or handler, as plain Java values (strings, numbers, booleans, lists, maps)
 * with configuration references already resolved. Typed accessors throw {@link InvalidOptionException} naming the
 * key, so a factory can validate with a single call per option.
 */
public final class Options {

    private static final Options EMPTY = new Options(Map.of());

    private final Map<String, Object> values;

    private Options(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Options empty() {
        return EMPTY;
    }

    /** Wraps plain values; keys must be non-null. */
    public static Options of(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        Checks.notNull(values, "values").forEach((k, v) -> copy.put(Checks.notNull(k, "option key"), v));
        return new Options(copy);
    }

    /** The keys present. */
    public Set<String> keys() {
        return values.keySet();
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    /** The raw value, if present. */
    public Optional<Object> raw(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** A string (numbers and booleans are accepted as their text), if present. */
    public Optional<String> string(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return Optional.of(value.toString());
        }
        throw new InvalidOptionException(key, "must be a single value, not a list or a map",
                "write " + key + ": <value>");
    }

    /** A string that must be present. */
    public String requiredString(String key) {
        return string(key).filter(s -> !s.isBlank()).orElseThrow(() -> new InvalidOptionException(key,
                "is required", "add " + key + ": <value> under options"));
    }

    /** One of the allowed values (compared exactly), or the default when absent. */
    public String oneOf(String key, List<String> allowed, String defaultValue) {
        String value = string(key).orElse(defaultValue);
        if (!allowed.contains(value)) {
            throw new InvalidOptionException(key, "must be one of " + String.join(", ", allowed),
                    "set " + key + " to one of " + String.join(", ", allowed));
        }
        return value;
    }

    /** An integer within bounds, or the default when absent. */
    public long longValue(String key, long defaultValue, long min, long max) {
        Object value = values.get(key);
        long result;
        if (value == null) {
            result = defaultValue;
        } else if (value instanceof Number n && n.doubleValue() == n.longValue()) {
            result = n.longValue();
        } else {
            try {
                result = Long.parseLong(value.toString().trim());
            } catch (NumberFormatException e) {
                throw new InvalidOptionException(key, "must be a whole number", "write " + key + ": <number>");
            }
        }
        if (result < min || result > max) {
            throw new InvalidOptionException(key, "must be between " + min + " and " + max,
                    "set " + key + " to a value in that range");
        }
        return result;
    }

    /** A boolean ({@code true}/{@code false}), or the default when absent. */
    public boolean bool(String key, boolean defaultValue) {
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new InvalidOptionException(key, "must be true or false", "write " + key + ": true or false");
    }

    /** A list of strings (a single string counts as a list of one), empty when absent. */
    public List<String> stringList(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> {
                if (item instanceof Map<?, ?> || item instanceof List<?> || item == null) {
                    throw new InvalidOptionException(key, "must be a list of single values",
                            "write " + key + ": [a, b]");
                }
                return item.toString();
            }).toList();
        }
        return List.of(string(key).orElseThrow());
    }

    /** A map of string to string, empty when absent. */
    public Map<String, String> stringMap(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidOptionException(key, "must be a map of names to values", "write " + key + ": {a: b}");
        }
        Map<String, String> result = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v instanceof Map<?, ?> || v instanceof List<?> || v == null) {
                throw new InvalidOptionException(key + "." + k, "must be a single value",
                        "write " + key + "." + k + ": <value>");
            }
            result.put(String.valueOf(k), v.toString());
        });
        return Collections.unmodifiableMap(result);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Options o && o.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Keys only: values may be credentials. */
    @Override
    public String toString() {
        return "Options" + values.keySet();
    }
}
