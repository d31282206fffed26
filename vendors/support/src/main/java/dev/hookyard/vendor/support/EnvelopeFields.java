package dev.hookyard.vendor.support;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the fields of a vendor's envelope that name the event ({@code event}, {@code type}, {@code action}, ...),
 * with the reasons every vendor gives when one is unusable.
 */
public final class EnvelopeFields {

    private EnvelopeFields() {
    }

    /**
     * The string in {@code object.field}, which must be present and not blank.
     *
     * @throws MalformedBodyException {@code <field> is missing} (absent or JSON {@code null}), {@code <field> is not
     *                                a string}, or {@code <field> is empty} (blank)
     */
    public static String nonBlankText(JsonNode object, String field) throws MalformedBodyException {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            throw new MalformedBodyException(field + " is missing");
        }
        if (!node.isTextual()) {
            throw new MalformedBodyException(field + " is not a string");
        }
        if (node.textValue().isBlank()) {
            throw new MalformedBodyException(field + " is empty");
        }
        return node.textValue();
    }
}
