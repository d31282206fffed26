package dev.hookyard.vendor.falkor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookyard.vendor.support.MalformedBodyException;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fields of Falkor's JSON objects leniently, because its payloads vary and a genuine delivery should not
 * be refused over one odd value: an absent or {@code null} field is {@code null} (a list: empty), and a scalar of an
 * unexpected kind is converted where the meaning is plain ({@code 2} for a text field is {@code "2"}, {@code "90"}
 * for a number is 90) and {@code null} otherwise.
 *
 * <p>The structure is not guessed at: an object where a list belongs, or a list item that is not an object, is
 * malformed, with a reason naming the field path only.
 */
final class LenientFields {

    /** More than any {@code int} has: refused before parsing. */
    private static final int MAX_INT_DIGITS = 10;

    private LenientFields() {
    }

    /** The text of {@code object.field}: strings as sent, numbers and booleans as written; otherwise null. */
    static String text(JsonNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        return null;
    }

    /**
     * The whole number in {@code object.field}: a JSON number without a fractional part, or a string of ASCII digits
     * (with an optional minus), within {@code int} range; otherwise null.
     */
    static Integer integer(JsonNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToInt() ? node.intValue() : null;
        }
        if (node.isNumber()) {
            double value = node.doubleValue();
            boolean whole = value == Math.rint(value) && value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
            return whole ? (int) value : null;
        }
        if (node.isTextual()) {
            return parseInt(node.textValue().strip());
        }
        return null;
    }

    /** The object in {@code object.field}, or null when absent or {@code null}. */
    static JsonNode object(JsonNode object, String field, String path) throws MalformedBodyException {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new MalformedBodyException(path + " is not an object");
        }
        return node;
    }

    /** The objects in the list {@code object.field}, in order; empty when absent or {@code null}. */
    static List<JsonNode> objects(JsonNode object, String field, String path) throws MalformedBodyException {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new MalformedBodyException(path + " is not a list");
        }
        List<JsonNode> items = new ArrayList<>(node.size());
        for (JsonNode item : node) {
            if (!item.isObject()) {
                throw new MalformedBodyException(path + " has an item that is not an object");
            }
            items.add(item);
        }
        return items;
    }

    /** {@link Integer#parseInt} alone would accept non-ASCII digits and a leading plus. */
    private static Integer parseInt(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        int digits = text.length() - start;
        if (digits < 1 || digits > MAX_INT_DIGITS) {
            return null;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        long value = Long.parseLong(text);
        return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? (int) value : null;
    }
}
