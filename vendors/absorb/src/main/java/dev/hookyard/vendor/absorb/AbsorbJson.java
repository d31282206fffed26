package dev.hookyard.vendor.absorb;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * How this module reads Absorb bodies: one shared, thread-safe mapper, reading trees only (never binding classes,
 * so the module opens nothing to Jackson).
 *
 * <p>Stricter than Jackson's defaults where a lenient reading could make two readers disagree about one signed
 * body: content after the JSON value, and a key sent twice, are errors. Decimals are read as exact
 * {@link java.math.BigDecimal}s with their trailing zeros, so a numeric id keeps its digits.
 */
final class AbsorbJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private AbsorbJson() {
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
