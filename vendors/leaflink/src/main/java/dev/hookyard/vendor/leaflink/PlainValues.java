package dev.hookyard.vendor.leaflink;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Jackson trees into plain unmodifiable Java values, so the exported records carry no Jackson type: object to
 * {@code Map<String, Object>} in the sender's key order, array to {@code List<Object>}, string to {@code String},
 * whole number to {@code Long} (or {@code BigInteger} beyond its range), other number to {@code BigDecimal},
 * boolean to {@code Boolean}, JSON {@code null} to {@code null}.
 */
final class PlainValues {

    private PlainValues() {
    }

    /** The fields of a JSON object, converted at every depth. */
    static Map<String, Object> ofObject(JsonNode object) {
        // Not Map.copyOf: it would lose the key order and refuse JSON nulls.
        Map<String, Object> fields = new LinkedHashMap<>();
        object.properties().forEach(field -> fields.put(field.getKey(), of(field.getValue())));
        return Collections.unmodifiableMap(fields);
    }

    /** Any JSON value, converted at every depth. */
    static Object of(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT:
                return ofObject(node);
            case ARRAY:
                List<Object> items = new ArrayList<>(node.size());
                node.forEach(item -> items.add(of(item)));
                return Collections.unmodifiableList(items);
            case STRING:
                return node.textValue();
            case NUMBER:
                if (node.isIntegralNumber()) {
                    return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
                }
                return node.decimalValue();
            case BOOLEAN:
                return node.booleanValue();
            default:
                // JSON null, and kinds that parsed text never produces (binary, POJO, missing).
                return null;
        }
    }
}
