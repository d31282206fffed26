package dev.hookyard.plugin.httpforward;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON this plugin reads and writes, with Jackson's streaming core only (no data binding, nothing opened to
 * Jackson): one shared, thread-safe {@link JsonFactory}.
 */
final class Json {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private Json() {
    }

    /** Writes the fields of one JSON object. */
    @FunctionalInterface
    interface ObjectWriter {
        void writeFields(JsonGenerator json) throws IOException;
    }

    /** One JSON object as UTF-8 bytes. */
    static byte[] object(ObjectWriter fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            fields.writeFields(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * Whether the text is exactly one well-formed JSON value (surrounding whitespace allowed): only then may it be
     * embedded raw in another document without breaking it.
     */
    static boolean isOneValue(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    /** The text without a leading UTF-8 byte order mark, which is not JSON and must not be embedded. */
    static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
