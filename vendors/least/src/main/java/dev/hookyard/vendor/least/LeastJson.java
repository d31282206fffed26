package dev.hookyard.vendor.least;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Optional;

/**
 * How this module reads LEAST bodies: one shared, thread-safe {@link ObjectMapper}, read into trees only (never
 * bound to classes, so the module opens nothing to Jackson).
 *
 * <p>Stricter than Jackson's defaults where a lenient reading could make two readers disagree about one signed body:
 * trailing content after the JSON value and duplicate keys (which {@code event} counts?) are errors. Decimals are
 * read as exact {@link java.math.BigDecimal}s, trailing zeros kept.
 */
final class LeastJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private LeastJson() {
    }

    /**
     * The body as a tree; an empty body gives a missing node.
     *
     * @throws IOException if the body is not one well-formed JSON value
     */
    static JsonNode read(byte[] body) throws IOException {
        return MAPPER.readTree(body);
    }

    /** The top-level {@code event} string, if the body is a JSON object that has one. */
    static Optional<String> eventName(byte[] body) {
        try {
            JsonNode event = read(body).path("event");
            return event.isTextual() ? Optional.of(event.textValue()) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
