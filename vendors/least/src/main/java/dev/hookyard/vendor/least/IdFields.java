package dev.hookyard.vendor.least;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookyard.vendor.support.MalformedBodyException;

/**
 * Reads LEAST's numeric id fields leniently, since its payloads vary: an id may be a JSON number or a string of
 * digits ({@code 42} or {@code "42"}); an absent, {@code null} or blank id is {@code null} rather than an error.
 * Anything else (a fraction, an object, letters, a value out of range) is malformed.
 */
final class IdFields {

    /** Longer than any {@code long}: refuse before parsing. */
    private static final int MAX_DIGITS = 19;

    private IdFields() {
    }

    /** The id in {@code object.field}, or {@code null} if absent. */
    static Long longId(JsonNode object, String field) throws MalformedBodyException {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            String text = node.textValue().trim();
            if (text.isEmpty()) {
                return null;
            }
            if (isAsciiWholeNumber(text)) {
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException e) {
                    // out of range: reported below like any other bad id
                }
            }
        }
        throw new MalformedBodyException(field + " is not a whole number");
    }

    /** The id in {@code object.field} as an int, or {@code null} if absent. */
    static Integer intId(JsonNode object, String field) throws MalformedBodyException {
        Long id = longId(object, field);
        if (id == null) {
            return null;
        }
        if (id < Integer.MIN_VALUE || id > Integer.MAX_VALUE) {
            throw new MalformedBodyException(field + " is out of range");
        }
        return id.intValue();
    }

    /** An optional minus and 1 to 19 ASCII digits; {@link Long#parseLong} alone would accept non-ASCII digits. */
    private static boolean isAsciiWholeNumber(String text) {
        int start = text.charAt(0) == '-' ? 1 : 0;
        int digits = text.length() - start;
        if (digits < 1 || digits > MAX_DIGITS) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
