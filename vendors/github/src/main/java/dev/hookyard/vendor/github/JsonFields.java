package dev.hookyard.vendor.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookyard.vendor.support.MalformedBodyException;

/**
 * Reads the fields of GitHub payloads into Java values. GitHub documents each field's JSON type, so a field of
 * another type is malformed; an absent field or JSON {@code null} is {@code null} (or the default) unless it is
 * required. Reasons name the field by its path in the body ({@code pull_request.head.ref}), never its value.
 */
final class JsonFields {

    private JsonFields() {
    }

    /** The object in {@code parent.field}, or {@code null} if absent. */
    static JsonNode object(JsonNode parent, String field, String path) throws MalformedBodyException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new MalformedBodyException(path + " is not an object");
        }
        return node;
    }

    /** The object in {@code parent.field}, which must be present. */
    static JsonNode requiredObject(JsonNode parent, String field, String path) throws MalformedBodyException {
        return required(object(parent, field, path), path);
    }

    /** The array in {@code parent.field}, or {@code null} if absent. */
    static JsonNode array(JsonNode parent, String field, String path) throws MalformedBodyException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new MalformedBodyException(path + " is not an array");
        }
        return node;
    }

    /** The string in {@code parent.field}, or {@code null} if absent. */
    static String text(JsonNode parent, String field, String path) throws MalformedBodyException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new MalformedBodyException(path + " is not a string");
        }
        return node.textValue();
    }

    /** The string in {@code parent.field}, which must be present. */
    static String requiredText(JsonNode parent, String field, String path) throws MalformedBodyException {
        return required(text(parent, field, path), path);
    }

    /** The whole number in {@code parent.field}, or {@code null} if absent. */
    static Long number(JsonNode parent, String field, String path) throws MalformedBodyException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new MalformedBodyException(path + " is not a whole number");
        }
        return node.longValue();
    }

    /** The whole number in {@code parent.field}, which must be present. */
    static long requiredNumber(JsonNode parent, String field, String path) throws MalformedBodyException {
        return required(number(parent, field, path), path);
    }

    /** The boolean in {@code parent.field}, or {@code false} if absent. */
    static boolean flag(JsonNode parent, String field, String path) throws MalformedBodyException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new MalformedBodyException(path + " is not true or false");
        }
        return node.booleanValue();
    }

    private static <T> T required(T value, String path) throws MalformedBodyException {
        if (value == null) {
            throw new MalformedBodyException(path + " is missing");
        }
        return value;
    }
}
