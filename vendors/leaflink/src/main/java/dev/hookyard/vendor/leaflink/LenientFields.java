package dev.hookyard.vendor.leaflink;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads the typed fields of LeafLink's {@code data} leniently. LeafLink publishes no payload schema and disables a
 * webhook after five days of failures, so a field that is absent, {@code null} or of an unexpected JSON type reads
 * as {@code null} instead of failing the delivery; its raw value stays in the event's plain {@code data} map.
 */
final class LenientFields {

    /** Plain ASCII decimals only: {@link BigDecimal#BigDecimal(String)} also takes exponents and non-ASCII digits. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,30}(\\.[0-9]{1,30})?");

    private LenientFields() {
    }

    /**
     * {@code object.field} as text: a string as sent, a number as its plain decimal text (so the ids {@code 42} and
     * {@code "42"} read alike); {@code null} for anything else. {@code object} may itself be absent.
     */
    static String text(JsonNode object, String field) {
        return object == null ? null : text(object.get(field));
    }

    /** A string as sent or a number as its plain decimal text; {@code null} for anything else. */
    static String text(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        if (node.isNumber()) {
            return node.decimalValue().toPlainString();
        }
        return null;
    }

    /** {@code object.field} as an exact decimal: a JSON number or a string like {@code "24.0000"}, else null. */
    static BigDecimal decimal(JsonNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            String value = node.textValue().trim();
            return DECIMAL.matcher(value).matches() ? new BigDecimal(value) : null;
        }
        return null;
    }
}
