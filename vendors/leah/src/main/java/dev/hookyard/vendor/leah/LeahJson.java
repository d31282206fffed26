package dev.hookyard.vendor.leah;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * How this module reads Leah bodies: one shared, thread-safe {@link ObjectMapper}, read into trees only (never
 * bound to classes, so the module opens nothing to Jackson).
 *
 * <p>Stricter than Jackson's defaults where a lenient reading could make two readers disagree about one body:
 * trailing content after the JSON value and duplicate keys (which {@code event} counts?) are errors. Decimals are
 * read as exact {@link java.math.BigDecimal}s with their trailing zeros, so scores arrive exactly as Leah sent them.
 */
final class LeahJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private LeahJson() {
    }

    /**
     * The body as a tree; an empty body gives a missing node.
     *
     * @throws IOException if the body is not one well-formed JSON value
     */
    static JsonNode read(byte[] body) throws IOException {
        return MAPPER.readTree(body);
    }
}
