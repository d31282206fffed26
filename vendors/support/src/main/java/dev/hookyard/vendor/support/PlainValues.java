package dev.hookyard.vendor.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts Jackson trees into plain, unmodifiable Java values, so that event records carry no Jackson type: objects
 * become {@code Map<String, Object>} (the sender's key order kept), arrays {@code List<Object>}, strings
 * {@code String}, whole numbers {@code Long} ({@code BigInteger} beyond its range), other numbers
 * {@code BigDecimal}, booleans {@code Boolean}, and JSON {@code null} stays {@code null}.
 */
public final class PlainValues {

    private PlainValues() {
    }

    /** The fields of a JSON object, converted at every depth. */
    public static Map<String, Object> ofObject(JsonNode object) {
        // LinkedHashMap, not Map.copyOf: it keeps the sender's key order and allows JSON null values.
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            map.put(field.getKey(), of(field.getValue()));
        }
        return Collections.unmodifiableMap(map);
    }

    /** Any JSON value, converted at every depth. */
    public static Object of(JsonNode node) {
        if (node.isObject()) {
            return ofObject(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(of(item)));
            return Collections.unmodifiableList(list);
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        // null, and node kinds plain JSON text never produces (binary, POJO, missing).
        return null;
    }
}
