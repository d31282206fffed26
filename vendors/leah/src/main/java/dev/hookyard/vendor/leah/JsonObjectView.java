package dev.hookyard.vendor.leah;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hookyard.vendor.support.MalformedBodyException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One JSON object of a body and its path from the root, read field by field into plain Java values under one rule:
 * an absent field or a JSON {@code null} is {@code null} (an empty list for arrays), because Leah's payloads leave
 * fields out; a value of the wrong JSON type is a {@link MalformedBodyException} naming the field's path (e.g.
 * {@code user.personalInformation.email is not a string}), because a typed record that quietly dropped it would
 * misreport the event.
 */
final class JsonObjectView {

    private final JsonNode object;
    private final String path;

    private JsonObjectView(JsonNode object, String path) {
        this.object = object;
        this.path = path;
    }

    /** The body's top-level object; the caller has checked that it is one. */
    static JsonObjectView root(JsonNode object) {
        return new JsonObjectView(object, "");
    }

    /** A string field. */
    String text(String field) throws MalformedBodyException {
        JsonNode node = present(field);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(pathOf(field), "a string");
        }
        return node.textValue();
    }

    /** A number field, exact as sent. */
    BigDecimal decimal(String field) throws MalformedBodyException {
        JsonNode node = present(field);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            throw wrongType(pathOf(field), "a number");
        }
        return node.decimalValue();
    }

    /** A whole-number field that fits an {@code int}. */
    Integer wholeNumber(String field) throws MalformedBodyException {
        JsonNode node = present(field);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw wrongType(pathOf(field), "a whole number");
        }
        return node.intValue();
    }

    /** A boolean field. */
    Boolean bool(String field) throws MalformedBodyException {
        JsonNode node = present(field);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw wrongType(pathOf(field), "true or false");
        }
        return node.booleanValue();
    }

    /**
     * An ISO-8601 timestamp field, as Leah writes them ({@code 2024-03-07T13:43:40.674Z}); an offset instead of
     * {@code Z} is accepted too.
     */
    Instant instant(String field) throws MalformedBodyException {
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            return DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            throw wrongType(pathOf(field), "an ISO-8601 timestamp");
        }
    }

    /** A nested object field. */
    JsonObjectView object(String field) throws MalformedBodyException {
        JsonNode node = present(field);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            throw wrongType(pathOf(field), "an object");
        }
        return new JsonObjectView(node, pathOf(field));
    }

    /** An array of objects; {@code null} entries carry nothing and are left out. */
    List<JsonObjectView> objects(String field) throws MalformedBodyException {
        JsonNode array = array(field);
        List<JsonObjectView> objects = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            String itemPath = pathOf(field) + "[" + i + "]";
            if (item.isObject()) {
                objects.add(new JsonObjectView(item, itemPath));
            } else if (!item.isNull()) {
                throw wrongType(itemPath, "an object");
            }
        }
        return List.copyOf(objects);
    }

    /** An array of strings; {@code null} entries carry nothing and are left out. */
    List<String> texts(String field) throws MalformedBodyException {
        JsonNode array = array(field);
        List<String> texts = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (item.isTextual()) {
                texts.add(item.textValue());
            } else if (!item.isNull()) {
                throw wrongType(pathOf(field) + "[" + i + "]", "a string");
            }
        }
        return List.copyOf(texts);
    }

    /** The array in {@code field}, an empty one when absent. */
    private JsonNode array(String field) throws MalformedBodyException {
        JsonNode node = present(field);
        if (node == null) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!node.isArray()) {
            throw wrongType(pathOf(field), "an array");
        }
        return node;
    }

    /** The field's node, or {@code null} when absent or JSON {@code null}. */
    private JsonNode present(String field) {
        JsonNode node = object.get(field);
        return node == null || node.isNull() ? null : node;
    }

    private String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static MalformedBodyException wrongType(String path, String expected) {
        return new MalformedBodyException(path + " is not " + expected);
    }
}
