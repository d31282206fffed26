package dev.hookyard.vendor.absorb;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Jackson trees into plain, unmodifiable Java values, so the event records expose no Jackson type: object
 * to {@code Map<String, Object>} in key order, array to {@code List<Object>}, string to {@code String}, whole
 * number to {@code Long} (or {@code BigInteger} past its range), other number to {@code BigDecimal}, boolean to
 * {@code Boolean}, JSON {@code null} to {@code null}.
 */
final class JsonValues {

    private JsonValues() {
    }

    /** The fields of a JSON object. A {@code LinkedHashMap} underneath: it keeps order and allows nulls. */
    static Map<String, Object> object(JsonNode object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.properties().forEach(field -> map.put(field.getKey(), value(field.getValue())));
        return Collections.unmodifiableMap(map);
    }

    private static Object value(JsonNode node) {
        if (node.isObject()) {
            return object(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(value(item)));
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
        return null; // JSON null; parsed text never yields Jackson's other node kinds
    }
}
