package dev.hookyard.vendor.absorb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookyard.vendor.support.MalformedBodyException;
import dev.hookyard.vendor.support.PlainValues;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The fields Absorb documents in its lean payloads, read from a JSON object.
 *
 * <p>Absorb publishes what a payload holds but not its key names, so keys are matched ignoring case and
 * everything but ASCII letters and digits ({@code userId}, {@code UserID}, {@code USERID} and {@code user_id} are
 * one). The event name is the first present of {@code eventName}, {@code event} and {@code name}, in that order:
 * the more specific key wins, since {@code name} could also be some other name in a payload. A documented key
 * sent twice in two spellings is malformed rather than a guess. Ids are opaque strings: a JSON string as sent, a
 * JSON number as its text; absent, {@code null} or blank is {@code null}.
 *
 * @param eventName     the event name as sent, never blank
 * @param userId        the learner's id, or {@code null}
 * @param adminId       the admin's id, or {@code null}
 * @param clientId      the client's id, or {@code null}
 * @param correlationId the transaction's id, or {@code null}
 * @param fields        every top-level field as plain values
 */
record LeanPayload(String eventName, String userId, String adminId, String clientId, String correlationId,
                   Map<String, Object> fields) {

    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]");

    /** The documented keys as this module spells them (and names them in malformed reasons). */
    private static final List<String> EVENT_NAME_KEYS = List.of("eventName", "event", "name");
    private static final List<String> DOCUMENTED_KEYS = List.of("eventName", "event", "name", "userId", "adminId",
            "clientId", "correlationId");

    /**
     * Reads the documented fields of {@code root}, a JSON object.
     *
     * @throws MalformedBodyException if there is no event name, or a documented field has the wrong JSON type or
     *                                is sent twice
     */
    static LeanPayload read(JsonNode root) throws MalformedBodyException {
        Map<String, JsonNode> documented = documentedFields(root);
        return new LeanPayload(eventName(documented), id(documented, "userId"), id(documented, "adminId"),
                id(documented, "clientId"), id(documented, "correlationId"), PlainValues.ofObject(root));
    }

    /** The documented fields present, by this module's spelling of their keys. */
    private static Map<String, JsonNode> documentedFields(JsonNode root) throws MalformedBodyException {
        Map<String, String> byMatchKey = new HashMap<>();
        DOCUMENTED_KEYS.forEach(key -> byMatchKey.put(matchKey(key), key));
        Map<String, JsonNode> found = new HashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String key = byMatchKey.get(matchKey(field.getKey()));
            if (key != null && found.put(key, field.getValue()) != null) {
                throw new MalformedBodyException(key + " is sent more than once");
            }
        }
        return found;
    }

    private static String eventName(Map<String, JsonNode> documented) throws MalformedBodyException {
        for (String key : EVENT_NAME_KEYS) {
            JsonNode node = documented.get(key);
            if (node == null || node.isNull()) {
                continue;
            }
            if (!node.isTextual()) {
                throw new MalformedBodyException(key + " is not a string");
            }
            if (node.textValue().isBlank()) {
                throw new MalformedBodyException(key + " is empty");
            }
            return node.textValue();
        }
        throw new MalformedBodyException("event name is missing");
    }

    private static String id(Map<String, JsonNode> documented, String key) throws MalformedBodyException {
        JsonNode node = documented.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue().isBlank() ? null : node.textValue();
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        if (node.isNumber()) {
            return node.decimalValue().toPlainString();
        }
        throw new MalformedBodyException(key + " is not a string or a number");
    }

    /** ASCII only, like the event-name match, so no Unicode case folding can make two keys meet. */
    private static String matchKey(String key) {
        return NOT_ALPHANUMERIC.matcher(key).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
