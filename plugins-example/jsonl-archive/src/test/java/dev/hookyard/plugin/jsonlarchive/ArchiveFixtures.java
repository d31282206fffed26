package dev.hookyard.plugin.jsonlarchive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.GenericEvent;
import dev.hookyard.spi.Handler;
import dev.hookyard.spi.HandlerContext;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.Options;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.testkit.SignedDeliveries;
import dev.hookyard.testkit.VendorContexts;
import dev.hookyard.vendor.least.LeastVendorFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Shared fixtures: handlers built through the factory as the host builds them, and realistic events. */
final class ArchiveFixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String LEAST_SECRET = "s3cret";

    private ArchiveFixtures() {
    }

    static Handler handler(Path home, Clock clock, Map<String, ?> options) {
        return new JsonlArchiveHandlerFactory().create(context(home, clock, options));
    }

    static HandlerContext context(Path home, Clock clock, Map<String, ?> options) {
        return new HandlerContext("archive", Options.of(options), clock, System.getLogger("archive"), home);
    }

    /** A genuine LEAST delivery of the catalog sample, signed and parsed by the real vendor module. */
    static WebhookEvent leastEvent(String type) {
        Vendor vendor = new LeastVendorFactory().create(VendorContexts.withSecrets("least", LEAST_SECRET));
        Delivery delivery = SignedDeliveries.of(vendor, "least", Secret.of(LEAST_SECRET), VendorContexts.FIXED_INSTANT)
                .sample(type);
        ParseResult result = vendor.parser().parse(delivery);
        return ((ParseResult.Parsed) result).event();
    }

    static WebhookEvent event(String key, byte[] body, Map<String, List<String>> headers) {
        return new GenericEvent("least", "record.created", key,
                new Delivery("least", Headers.of(headers), body, Instant.parse("2025-01-01T12:00:00Z")));
    }

    static WebhookEvent event(String key, String body) {
        return event(key, body.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", List.of("application/json")));
    }

    /** Every line of the file, each parsed (a line that is not one JSON object fails the test). */
    static List<JsonNode> lines(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!text.isEmpty() && !text.endsWith("\n")) {
                throw new AssertionError("the file does not end with a complete line: " + file);
            }
            return text.lines().map(ArchiveFixtures::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (!node.isObject()) {
                throw new AssertionError("not a JSON object: " + line);
            }
            return node;
        } catch (IOException e) {
            throw new AssertionError("not one JSON value: " + line, e);
        }
    }
}
