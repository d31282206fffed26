package dev.hookyard.plugin.absorbenrich;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.Handler;
import dev.hookyard.spi.HandlerContext;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.Options;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Events and handler contexts for the tests, on a fixed clock. */
final class TestEvents {

    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private TestEvents() {
    }

    /**
     * A handler built through the factory as the host builds it, calling {@code baseUrl} as Absorb and
     * {@code baseUrl/forward} as the target, with these options changed.
     */
    static Handler handler(String baseUrl, Map<String, ?> overrides) {
        Map<String, Object> options = new HashMap<>(Map.of("baseUrl", baseUrl, "username", "api-admin",
                "password", "pa55word", "privateKey", "pr1vate-key", "forwardUrl", baseUrl + "/forward"));
        options.putAll(overrides);
        return new AbsorbEnrichHandlerFactory().create(context(options));
    }

    static HandlerContext context(Map<String, ?> options) {
        return new HandlerContext("enrich", Options.of(options), Clock.fixed(NOW, ZoneOffset.UTC),
                System.getLogger("absorb-enrich-test"), Path.of("."));
    }

    /** An Absorb event as the vendor module would hand it over, the correlation id as delivery key. */
    static GenericEvent absorb(String deliveryKey, String body) {
        return event("absorb", deliveryKey, body);
    }

    static GenericEvent event(String vendor, String deliveryKey, String body) {
        Delivery delivery = new Delivery("absorb", Headers.ofSingle(Map.of("Content-Type", "application/json")),
                body.getBytes(StandardCharsets.UTF_8), NOW.minusSeconds(5));
        return new GenericEvent(vendor, "user-created", deliveryKey, delivery);
    }
}
