package dev.hookyard.plugin.absorbenrich;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * How this plugin reads and writes JSON: one shared, thread-safe {@link ObjectMapper}, trees only (never bound to
 * classes, so the module opens nothing to Jackson). Decimals are read as exact {@link java.math.BigDecimal}s with
 * their trailing zeros, so the payload's numbers are forwarded as the vendor wrote them.
 */
final class EnrichJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private EnrichJson() {
    }

    /**
     * The bytes as a tree; an empty body is a missing node.
     *
     * @throws IOException if they are not one well-formed JSON value
     */
    static JsonNode read(byte[] json) throws IOException {
        return MAPPER.readTree(json);
    }

    /** The tree as compact UTF-8 JSON. */
    static byte[] write(JsonNode tree) {
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a tree to memory cannot fail", e);
        }
    }

    /** An empty object to fill. */
    static com.fasterxml.jackson.databind.node.ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
