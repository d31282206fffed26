package dev.hookyard.plugin.absorbenrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What this plugin needs from an Absorb lean payload, read from the raw body.
 *
 * <p>Read here rather than from the Absorb vendor module's event records so that the plugin depends on the SPI
 * only. Absorb does not publish its key names, so keys are matched as the vendor module matches them: ignoring
 * case and everything but ASCII letters and digits ({@code userId}, {@code UserID}, {@code user_id} are one); the
 * first spelling present wins. Ids are opaque strings: a JSON string as sent, an integral JSON number as its text.
 *
 * @param fields        the whole payload, the base of the enriched event (enrich a {@link ObjectNode#deepCopy()})
 * @param eventName     the first present of {@code eventName}, {@code event}, {@code name}; or {@code null}
 * @param userId        the learner's id, or {@code null}
 * @param courseId      the course's id, or {@code null}
 * @param correlationId the transaction's id, or {@code null}
 */
record LeanEvent(ObjectNode fields, String eventName, String userId, String courseId, String correlationId) {

    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]");
    private static final List<String> EVENT_NAME_KEYS = List.of("eventname", "event", "name");

    /** The payload, or empty when the body is not a JSON object. */
    static Optional<LeanEvent> read(byte[] body) {
        JsonNode root;
        try {
            root = EnrichJson.read(body);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!(root instanceof ObjectNode object)) {
            return Optional.empty();
        }
        Map<String, JsonNode> byMatchKey = new HashMap<>();
        object.properties().forEach(field -> byMatchKey.putIfAbsent(matchKey(field.getKey()), field.getValue()));
        String eventName = EVENT_NAME_KEYS.stream().map(key -> text(byMatchKey.get(key))).filter(s -> s != null)
                .findFirst().orElse(null);
        return Optional.of(new LeanEvent(object, eventName, text(byMatchKey.get("userid")),
                text(byMatchKey.get("courseid")), text(byMatchKey.get("correlationid"))));
    }

    private static String text(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue().isBlank() ? null : node.textValue().strip();
        }
        return node.isIntegralNumber() ? node.bigIntegerValue().toString() : null;
    }

    /** ASCII only, so no Unicode case folding can make two keys meet. */
    private static String matchKey(String key) {
        return NOT_ALPHANUMERIC.matcher(key).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
