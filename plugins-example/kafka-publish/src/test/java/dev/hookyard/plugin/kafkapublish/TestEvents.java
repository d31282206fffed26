package dev.hookyard.plugin.kafkapublish;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.HandlerContext;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.Options;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Events and handler contexts for the tests. */
final class TestEvents {

    static final Instant RECEIVED_AT = Instant.parse("2024-05-01T11:59:30Z");

    private TestEvents() {
    }

    /** A context for a handler of this name: its producer's client.id is hookyard-NAME. */
    static HandlerContext context(String name, Map<String, ?> options) {
        return new HandlerContext(name, Options.of(options), Clock.systemUTC(), System.getLogger("kafka-publish-test"),
                Path.of("."));
    }

    static GenericEvent event(String endpoint, String type, String deliveryKey, String body,
                              Map<String, String> headers) {
        Delivery delivery = new Delivery(endpoint, Headers.ofSingle(headers), body.getBytes(StandardCharsets.UTF_8),
                RECEIVED_AT);
        return new GenericEvent("least", type, deliveryKey, delivery);
    }

    static GenericEvent event(String endpoint, String type, String deliveryKey) {
        return event(endpoint, type, deliveryKey, "{\"id\":\"" + deliveryKey + "\"}", Map.of());
    }
}
