package dev.hookyard.plugin.jsonlarchive;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.WebhookEvent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an event into one archive line: a compact JSON object followed by {@code \n}, with no other newline in it
 * (Jackson escapes control characters inside strings, and nothing is pretty-printed).
 *
 * <pre>{@code
 * {"endpoint":"least","vendor":"least","type":"record.created","deliveryKey":"…",
 *  "receivedAt":"2025-01-01T00:00:00Z",
 *  "headers":{"Content-Type":["application/json"],"X-LEAST-Signature":["****"]},
 *  "body":{"event":"record.created","record_id":42}}
 * }</pre>
 *
 * A body that is not one well-formed JSON value (or any body, with {@link BodyFormat#BASE64}) is written as
 * {@code "bodyBase64":"…"} instead of {@code body}: two field names, so that a JSON string body is never mistaken
 * for base64. Thread-safe: Jackson's mapper is, and nothing else is shared.
 */
final class ArchiveLineEncoder {

    /**
     * Strict where leniency would lose data in the re-written body: duplicate keys (a tree keeps one) and trailing
     * content make a body "not JSON", so it is kept byte for byte as base64. Decimals stay exact.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final BodyFormat bodyFormat;

    ArchiveLineEncoder(BodyFormat bodyFormat) {
        this.bodyFormat = bodyFormat;
    }

    /** The line for {@code event}, as UTF-8 bytes ending in {@code \n}. */
    byte[] encode(WebhookEvent event) {
        Delivery delivery = event.delivery();
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 + delivery.bodyLength() * 4 / 3);
        try (JsonGenerator json = MAPPER.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("endpoint", delivery.endpoint());
            json.writeStringField("vendor", event.vendor());
            json.writeStringField("type", event.type());
            json.writeStringField("deliveryKey", event.deliveryKey());
            json.writeStringField("receivedAt", delivery.receivedAt().toString());
            json.writeObjectFieldStart("headers");
            for (Map.Entry<String, List<String>> header : CredentialHeaders.masked(delivery.headers()).entrySet()) {
                json.writeArrayFieldStart(header.getKey());
                for (String value : header.getValue()) {
                    json.writeString(value);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            byte[] body = delivery.body();
            Optional<JsonNode> tree = bodyFormat == BodyFormat.JSON ? parse(body) : Optional.empty();
            if (tree.isPresent()) {
                json.writeFieldName("body");
                MAPPER.writeTree(json, tree.get());
            } else {
                json.writeFieldName("bodyBase64");
                json.writeBinary(body);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** The body as a tree if it is exactly one well-formed JSON value (an empty body is not). */
    private static Optional<JsonNode> parse(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readTree(body)).filter(node -> !node.isMissingNode());
        } catch (IOException | RuntimeException e) {
            // Not JSON (or beyond Jackson's size and depth limits): kept byte for byte instead.
            return Optional.empty();
        }
    }
}
