package dev.hookyard.vendor.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookyard.vendor.support.MalformedBodyException;

/**
 * Reads the fields of a Stripe event that typed records carry, by their JSON type as Stripe's API reference gives
 * it. A field of the wrong type is malformed, with a reason naming its path ({@code data.object.amount is not a whole
 * number}), never its value. Only fields Stripe has kept stable across API versions are read this way; everything
 * else stays in the plain-value copy of the object.
 */
final class StripeFields {

    /** The longest event or object id accepted; Stripe's are some 30 characters. */
    static final int MAX_ID_LENGTH = 255;

    private StripeFields() {
    }

    /** A required object. */
    static JsonNode object(JsonNode parent, String field, String path) throws MalformedBodyException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new MalformedBodyException(path + " is missing");
        }
        if (!node.isObject()) {
            throw new MalformedBodyException(path + " is not an object");
        }
        return node;
    }

    /** A required id: 1 to {@value #MAX_ID_LENGTH} printable ASCII characters without spaces. */
    static String id(JsonNode parent, String field, String path) throws MalformedBodyException {
        String id = optionalText(parent, field, path);
        if (id == null) {
            throw new MalformedBodyException(path + " is missing");
        }
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH || !id.chars().allMatch(c -> c > ' ' && c <= '~')) {
            throw new MalformedBodyException(path + " is not 1 to " + MAX_ID_LENGTH
                    + " printable ASCII characters without spaces");
        }
        return id;
    }

    /** A required, non-blank string. */
    static String text(JsonNode parent, String field, String path) throws MalformedBodyException {
        String text = optionalText(parent, field, path);
        if (text == null) {
            throw new MalformedBodyException(path + " is missing");
        }
        if (text.isBlank()) {
            throw new MalformedBodyException(path + " is empty");
        }
        return text;
    }

    /** A string, or {@code null} when absent or JSON {@code null}. */
    static String optionalText(JsonNode parent, String field, String path) throws MalformedBodyException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new MalformedBodyException(path + " is not a string");
        }
        return node.textValue();
    }

    /** A required whole number within a {@code long}. */
    static long wholeNumber(JsonNode parent, String field, String path) throws MalformedBodyException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new MalformedBodyException(path + " is missing");
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new MalformedBodyException(path + " is not a whole number");
        }
        return node.longValue();
    }

    /** A required boolean. */
    static boolean bool(JsonNode parent, String field, String path) throws MalformedBodyException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new MalformedBodyException(path + " is missing");
        }
        if (!node.isBoolean()) {
            throw new MalformedBodyException(path + " is not true or false");
        }
        return node.booleanValue();
    }
}
