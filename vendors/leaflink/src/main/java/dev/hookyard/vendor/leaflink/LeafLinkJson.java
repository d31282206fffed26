package dev.hookyard.vendor.leaflink;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * How this module reads LeafLink bodies: into trees only, with one shared thread-safe {@link ObjectMapper}, so
 * nothing is bound by reflection and the module opens no package to Jackson.
 *
 * <p>Stricter than Jackson's defaults where two readers of one signed body could disagree: content after the JSON
 * value, and duplicate keys (which {@code type} would count?), are errors. Decimals are exact
 * {@link java.math.BigDecimal}s with their trailing zeros, since prices and quantities are money and stock.
 */
final class LeafLinkJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private LeafLinkJson() {
    }

    /**
     * The body as a tree; an empty or all-whitespace body gives a missing node.
     *
     * @throws IOException if the body is not exactly one well-formed JSON value
     */
    static JsonNode read(byte[] body) throws IOException {
        return MAPPER.readTree(body);
    }
}
