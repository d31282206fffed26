package dev.hookyard.server.management;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookyard.server.inspect.BadArgumentException;
import dev.hookyard.server.inspect.DeliveryJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * What a management request says: its query parameters and its JSON body, each of which must say one thing. A
 * parameter or field the route does not take, or one given twice, is a {@link BadArgumentException} naming it,
 * never silently ignored or resolved to its last value: {@code {"dryRun":true,"dryRun":false}} must not purge.
 */
final class ManagementInput {

    private static final int MAX_BODY_BYTES = 64 * 1024;

    private ManagementInput() {
    }

    /** The query parameters, each allowed here and given at most once. */
    static Fields query(Request request, Set<String> allowed) {
        Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        for (String name : fields.getNames()) {
            if (!allowed.contains(name)) {
                throw new BadArgumentException(shorten(name), "is not a parameter here"
                        + (allowed.isEmpty() ? "" : "; use " + String.join(", ", allowed.stream().sorted().toList())));
            }
            if (fields.getValues(name).size() > 1) {
                throw new BadArgumentException(name, "is given more than once");
            }
        }
        return fields;
    }

    /**
     * The body, which is required (an operation on many deliveries runs only when asked for in so many words; an
     * empty object takes every default) and must be one JSON object whose fields are allowed here, each given once.
     */
    static ObjectNode jsonBody(Request request, Set<String> allowed) {
        byte[] bytes;
        try (InputStream in = Content.Source.asInputStream(request)) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw new BadArgumentException("body", "could not be read");
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new BadArgumentException("body", "is larger than " + MAX_BODY_BYTES + " bytes");
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            throw new BadArgumentException("body", "is required: a JSON object of "
                    + String.join(", ", allowed.stream().sorted().toList()) + " ({} for the defaults)");
        }
        // Read member by member, not as a tree: a tree keeps one value of a repeated field without saying so.
        ObjectNode body = DeliveryJson.MAPPER.createObjectNode();
        try (JsonParser json = DeliveryJson.MAPPER.createParser(bytes)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new BadArgumentException("body", "must be a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                if (!allowed.contains(name)) {
                    throw new BadArgumentException(shorten(name), "is not a field here; use "
                            + String.join(", ", allowed.stream().sorted().toList()));
                }
                if (body.has(name)) {
                    throw new BadArgumentException(name, "is given more than once");
                }
                json.nextToken();
                body.set(name, json.readValueAsTree());
            }
            if (json.nextToken() != null) {
                throw new BadArgumentException("body", "is not JSON: content follows the object");
            }
        } catch (JsonProcessingException e) {
            throw new BadArgumentException("body", "is not JSON");
        } catch (IOException e) {
            throw new BadArgumentException("body", "could not be read");
        }
        return body;
    }

    /** A field's text (a number is taken as its text), or null when absent or JSON {@code null}. */
    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw new BadArgumentException(field, "must be a string");
        }
        return value.asText();
    }

    /** A field's boolean, false when absent or JSON {@code null}. */
    static boolean flag(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new BadArgumentException(field, "must be true or false");
        }
        return value.booleanValue();
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
