package dev.hookyard.vendor.falkor;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * How this module reads Falkor bodies: one shared, thread-safe {@link ObjectMapper} producing trees only (records
 * are built by hand, so the module opens nothing to Jackson).
 *
 * <p>Stricter than Jackson's defaults where a lenient reading would give one signed body two meanings: content after
 * the JSON value, and duplicate keys (which {@code type} counts?), are errors. Jackson's default limits on nesting
 * depth and number length stay on, so hostile bodies fail fast instead of exhausting the stack or the CPU.
 */
final class FalkorJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private FalkorJson() {
    }

    /**
     * The body as a tree; an empty or all-whitespace body gives a missing node.
     *
     * @throws IOException if the body is not one well-formed JSON value
     */
    static JsonNode read(byte[] body) throws IOException {
        return MAPPER.readTree(body);
    }
}
