package dev.hookyard.server.filter;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookyard.spi.Headers;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * What the filters of one delivery's routes are tested against: its headers (credentials masked, as stored) and
 * its body. The body is read as JSON the first time a filter asks for it, and only then: a delivery that no
 * filtered route's endpoint, vendor and event type match costs nothing more. One subject is used by one thread,
 * for one delivery.
 *
 * <p>Why the body is read here, and not taken from the vendor's parser: a vendor reads the body inside its own
 * module (a dropped-in vendor even with its own copy of Jackson), keeps what its event records need and lets the
 * tree go, and the SPI carries no JSON type. So a filtered delivery is read twice, once by its vendor and once
 * here, with the same strictness (a key twice, or anything after the value, is not JSON) and exact decimals.
 */
public final class FilterSubject {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final Headers headers;
    private final byte[] body;
    private JsonNode bodyTree;
    private boolean bodyRead;
    private ObjectNode headerFields;

    private FilterSubject(Headers headers, byte[] body) {
        this.headers = headers;
        this.body = body;
    }

    /** @param headers as stored (credential headers masked); @param body the raw body */
    public static FilterSubject of(Headers headers, byte[] body) {
        return new FilterSubject(headers, body);
    }

    /** The body as JSON, or {@code null} when it is not one JSON value (then {@code body} is missing to filters). */
    JsonNode body() {
        if (!bodyRead) {
            bodyRead = true;
            try {
                JsonNode tree = JSON.readTree(body);
                bodyTree = tree == null || tree.isMissingNode() ? null : tree;
            } catch (IOException | RuntimeException e) {
                // Bytes from outside: whatever Jackson throws, the body is not JSON a filter can look into.
                bodyTree = null;
            }
        }
        return bodyTree;
    }

    /** The headers as an object keyed by lower-case name: one value as a string, several as a list of strings. */
    ObjectNode headers() {
        if (headerFields == null) {
            ObjectNode fields = JsonNodeFactory.instance.objectNode();
            headers.forEach((name, values) -> put(fields, name.toLowerCase(Locale.ROOT), values));
            headerFields = fields;
        }
        return headerFields;
    }

    private static void put(ObjectNode fields, String name, List<String> values) {
        if (values.size() == 1) {
            fields.put(name, values.get(0));
        } else {
            values.forEach(fields.putArray(name)::add);
        }
    }
}
