package dev.hookyard.vendor.hmac;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.vendor.support.MalformedBodyException;

import java.util.List;

/**
 * Where the {@code type} or the {@code key} of a delivery is read: a field of the body, named by a JSON pointer
 * (RFC 6901, {@code /event} or {@code /data/object/id}), or a header ({@code header:X-Event-Type}).
 */
sealed interface FieldSource {

    /** How an option value names a header. */
    String HEADER_PREFIX = "header:";

    /** For reasons and option problems: {@code /event} or {@code header X-Event-Type}. */
    String describe();

    /** Whether the platform's signature covers the value (a body field) or not (a header). */
    boolean signed();

    /**
     * The text here: a body field's string or whole number (as its decimal text), or the header's one value.
     *
     * @param what   {@code type} or {@code key}, for the reason
     * @param root   the body's top-level object
     * @param headers the delivery's headers
     * @throws MalformedBodyException {@code the <what> at <where> is missing}, {@code ... is empty}, {@code ... is not
     *                                a string or a whole number} or {@code ... is sent more than once}
     */
    String read(String what, JsonNode root, Headers headers) throws MalformedBodyException;

    /**
     * A field of the body.
     *
     * @param text    the pointer as configured, e.g. {@code /data/type}
     * @param pointer the same, compiled
     */
    record BodyField(String text, JsonPointer pointer) implements FieldSource {
        @Override
        public String describe() {
            return text;
        }

        @Override
        public boolean signed() {
            return true;
        }

        @Override
        public String read(String what, JsonNode root, Headers headers) throws MalformedBodyException {
            JsonNode node = root.at(pointer);
            if (node.isMissingNode() || node.isNull()) {
                throw new MalformedBodyException("the " + what + " at " + text + " is missing");
            }
            if (node.isIntegralNumber()) {
                return node.bigIntegerValue().toString();
            }
            if (!node.isTextual()) {
                throw new MalformedBodyException("the " + what + " at " + text + " is not a string or a whole number");
            }
            if (node.textValue().isBlank()) {
                throw new MalformedBodyException("the " + what + " at " + text + " is empty");
            }
            return node.textValue();
        }

        /** Whether this field lies inside the other's value, or the other inside this one's, or both are one. */
        boolean overlaps(BodyField other) {
            return text.equals(other.text) || text.startsWith(other.text + "/") || other.text.startsWith(text + "/");
        }
    }

    /**
     * A header; the platform's signature does not cover it.
     *
     * @param name the header's name, as configured
     */
    record HeaderField(String name) implements FieldSource {
        @Override
        public String describe() {
            return "header " + name;
        }

        @Override
        public boolean signed() {
            return false;
        }

        @Override
        public String read(String what, JsonNode root, Headers headers) throws MalformedBodyException {
            List<String> values = headers.all(name);
            if (values.isEmpty()) {
                throw new MalformedBodyException("the " + what + " at header " + name + " is missing");
            }
            if (values.size() > 1) {
                throw new MalformedBodyException("the " + what + " at header " + name + " is sent more than once");
            }
            if (values.get(0).isBlank()) {
                throw new MalformedBodyException("the " + what + " at header " + name + " is empty");
            }
            return values.get(0);
        }
    }

    /**
     * Reads the value of option {@code key}.
     *
     * @param example what to suggest in the fix, e.g. {@code /event} for {@code type}
     * @throws InvalidOptionException naming {@code key} if the value is neither a JSON pointer to a field nor
     *                                {@code header:} and a header name
     */
    static FieldSource parse(String key, String value, String example) {
        if (value.startsWith(HEADER_PREFIX)) {
            String name = value.substring(HEADER_PREFIX.length());
            if (!HeaderNames.isValid(name)) {
                throw new InvalidOptionException(key, "names a header that is not a valid header name (1 to "
                        + HeaderNames.MAX_LENGTH + " letters, digits and - _ . ! # $ % & ' * + ^ ` | ~)",
                        "write " + key + ": header:<name>, e.g. " + key + ": header:X-Event-Type");
            }
            return new HeaderField(name);
        }
        if (!value.startsWith("/")) {
            throw new InvalidOptionException(key, "is not a JSON pointer (it must start with /) nor header:<name>",
                    "write " + key + ": " + example + " for that field of the body, or " + key
                            + ": header:<name> for a header");
        }
        // Jackson's compiler takes a ~ followed by anything else literally; RFC 6901 does not.
        if (!hasOnlyValidEscapes(value)) {
            throw new InvalidOptionException(key, "is not a valid JSON pointer: ~ must be followed by 0 (for ~) or"
                    + " 1 (for /)", "write ~0 for a ~ and ~1 for a / inside a field name, e.g. " + example);
        }
        return new BodyField(value, JsonPointer.compile(value));
    }

    private static boolean hasOnlyValidEscapes(String pointer) {
        for (int i = pointer.indexOf('~'); i >= 0; i = pointer.indexOf('~', i + 1)) {
            if (i + 1 == pointer.length() || pointer.charAt(i + 1) != '0' && pointer.charAt(i + 1) != '1') {
                return false;
            }
        }
        return true;
    }
}
