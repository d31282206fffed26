package dev.hookyard.vendor.hmac;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookyard.spi.EventCatalog;
import dev.hookyard.spi.EventType;
import dev.hookyard.vendor.hmac.events.HmacEvent;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The event types of one endpoint: those its {@code eventTypes} option lists, or, without it, one test type,
 * {@value #TEST_TYPE}. This module cannot know a platform's payloads, so each sample is built from the options: a
 * JSON object with the type at the {@code type} pointer and an id at the {@code key} pointer (where they point into
 * the body), and a line saying it is a sample.
 */
final class HmacEventCatalog {

    /** The type of the sample delivery when the endpoint lists no event types. */
    static final String TEST_TYPE = "hookyard.test";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private HmacEventCatalog() {
    }

    static EventCatalog of(HmacSettings settings) {
        if (settings.eventTypes().isEmpty()) {
            return new EventCatalog(List.of(new EventType(TEST_TYPE, "A sample delivery made by Hookyard (hookyard"
                    + " send); list the platform's own event types in the endpoint's eventTypes option.",
                    HmacEvent.class, sample(settings, TEST_TYPE))));
        }
        return new EventCatalog(settings.eventTypes().stream()
                .map(type -> new EventType(type, "An event type listed in the endpoint's eventTypes option.",
                        HmacEvent.class, sample(settings, type)))
                .toList());
    }

    private static String sample(HmacSettings settings, String type) {
        ObjectNode root = JSON.createObjectNode();
        if (settings.type() instanceof FieldSource.BodyField field) {
            put(root, field.pointer(), type);
        }
        if (settings.key() instanceof FieldSource.BodyField field) {
            put(root, field.pointer(), "sample-" + UUID.nameUUIDFromBytes(type.getBytes(StandardCharsets.UTF_8)));
        }
        if (!root.has("message")) {
            root.put("message", "A sample delivery made by Hookyard");
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of objects and strings always serializes", e);
        }
    }

    /** Sets the field {@code pointer} names, creating the objects on its way (HmacOptions keeps pointers apart). */
    private static void put(ObjectNode root, JsonPointer pointer, String value) {
        ObjectNode node = root;
        JsonPointer rest = pointer;
        while (!rest.tail().matches()) {
            String name = rest.getMatchingProperty();
            node = node.get(name) instanceof ObjectNode existing ? existing : node.putObject(name);
            rest = rest.tail();
        }
        node.put(rest.getMatchingProperty(), value);
    }
}
