package dev.hookyard.vendor.support;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * How vendor modules read bodies: one shared, thread-safe {@link ObjectMapper} per variant, reading trees only
 * (never binding classes, so a vendor module opens nothing to Jackson).
 *
 * <p>Stricter than Jackson's defaults where a lenient reading could make two readers disagree about one signed
 * body: content after the JSON value, and a key sent twice (which {@code event} counts?), are errors. Jackson's
 * default limits on nesting depth and number length stay on, so hostile bodies fail fast.
 *
 * <p>Two variants, differing only in how numbers with a fraction or exponent are read: {@link #EXACT_DECIMALS}
 * (exact {@link java.math.BigDecimal}s, trailing zeros kept, so {@code 24.50} stays {@code 24.50}), which is what a
 * vendor should use; and {@link #DOUBLES}, Jackson's default {@code double}s, for a vendor whose readers already
 * depend on that (Falkor prints such numbers with {@link JsonNode#asText()}, which gives {@code 24.5} for a double).
 */
public final class StrictJson {

    /** Strict reading with exact decimals. */
    public static final StrictJson EXACT_DECIMALS = new StrictJson(true);

    /** Strict reading with fractional numbers as {@code double}s, as Jackson reads them by default. */
    public static final StrictJson DOUBLES = new StrictJson(false);

    private final ObjectMapper mapper;

    private StrictJson(boolean exactDecimals) {
        JsonMapper.Builder builder = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        if (exactDecimals) {
            builder.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
        }
        this.mapper = builder.build();
    }

    /**
     * The body as a tree; an empty or all-whitespace body gives a missing node.
     *
     * @throws IOException if the body is not exactly one well-formed JSON value
     */
    public JsonNode read(byte[] body) throws IOException {
        return mapper.readTree(body);
    }

    /**
     * The body's top-level JSON object: the first checks of every vendor's envelope, with the reasons every vendor
     * gives, in this order: {@code body is not JSON}, {@code body is empty}, {@code body is not a JSON object}.
     *
     * @throws MalformedBodyException with one of the reasons above
     */
    public ObjectNode readObject(byte[] body) throws MalformedBodyException {
        JsonNode root;
        try {
            root = read(body);
        } catch (IOException | RuntimeException e) {
            // Jackson reads hostile bytes here; whatever it throws, the body is simply not acceptable JSON.
            throw new MalformedBodyException("body is not JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw new MalformedBodyException("body is empty");
        }
        if (!root.isObject()) {
            throw new MalformedBodyException("body is not a JSON object");
        }
        return (ObjectNode) root;
    }
}
