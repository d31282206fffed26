package dev.hookyard.plugin.httpforward;

import dev.hookyard.spi.CredentialHeaders;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.HandlerContext;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.Options;
import dev.hookyard.spi.TraceHeaders;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Events and handler contexts for the tests, on a fixed clock. */
final class TestEvents {

    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    static final Instant RECEIVED_AT = Instant.parse("2024-05-01T11:59:30Z");

    private TestEvents() {
    }

    static HandlerContext context(Map<String, ?> options) {
        return context(options, TraceHeaders.NONE);
    }

    /** As above, with the host's trace context of the call under way. */
    static HandlerContext context(Map<String, ?> options, TraceHeaders traceHeaders) {
        return new HandlerContext("forward", Options.of(options), Clock.fixed(NOW, ZoneOffset.UTC),
                System.getLogger("http-forward-test"), Path.of("."), CredentialHeaders.DEFAULT, traceHeaders);
    }

    static GenericEvent event(String body, Map<String, String> headers) {
        return event("least", "record.created", "delivery-1", body, headers);
    }

    static GenericEvent event(String vendor, String type, String deliveryKey, String body,
                              Map<String, String> headers) {
        Delivery delivery = new Delivery("crm", Headers.ofSingle(headers), body.getBytes(StandardCharsets.UTF_8),
                RECEIVED_AT);
        return new GenericEvent(vendor, type, deliveryKey, delivery);
    }
}
