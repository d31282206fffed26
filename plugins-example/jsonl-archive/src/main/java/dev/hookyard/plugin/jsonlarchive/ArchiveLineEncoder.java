package dev.hookyard.plugin.jsonlarchive;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hookyard.spi.CredentialHeaders;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.WebhookEvent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Turns an event into one archive line: a compact JSON object followed by {@code \n}, with no other newline in it
 * (Jackson escapes control characters inside strings, and nothing is pretty-printed). A JSON body is embedded as the
 * sender wrote it, its line breaks made spaces: the exact values (decimals, escapes, key order) with no re-encoding.
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
     * Strict where leniency would let a line hold something other than one JSON value, or a value readers would
     * take differently: duplicate keys (most readers keep one) and trailing content make a body "not JSON", so it is
     * kept byte for byte as base64.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final BodyFormat bodyFormat;
    private final CredentialHeaders credentials;

    /** @param credentials the host's rule ({@link dev.hookyard.spi.HandlerContext#credentialHeaders()}) */
    ArchiveLineEncoder(BodyFormat bodyFormat, CredentialHeaders credentials) {
        this.bodyFormat = bodyFormat;
        this.credentials = credentials;
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
            // The host hands events over masked already; masking again keeps an event built elsewhere (a test, a
            // future caller) to the same rule, and changes nothing in one that is.
            for (Map.Entry<String, List<String>> header : credentials.mask(delivery.headers()).toMap().entrySet()) {
                json.writeArrayFieldStart(header.getKey());
                for (String value : header.getValue()) {
                    json.writeString(value);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            byte[] body = delivery.body();
            if (bodyFormat == BodyFormat.JSON && isOneJsonValue(body)) {
                json.writeFieldName("body");
                json.writeRawValue(onOneLine(body));
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

    /**
     * Whether the body is exactly one well-formed JSON value, in UTF-8 without a byte order mark: read token by
     * token (no tree is built), duplicate keys and trailing content refused. An empty body is not.
     */
    private static boolean isOneJsonValue(byte[] body) {
        if (body.length == 0 || body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB
                && (body[2] & 0xff) == 0xBF) {
            return false;
        }
        try (JsonParser parser = MAPPER.getFactory().createParser(body)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException | RuntimeException e) {
            // Not JSON (or beyond Jackson's size and depth limits): kept byte for byte instead.
            return false;
        }
    }

    /**
     * The body's own text with its line breaks made spaces. In well-formed JSON a raw CR or LF can only be whitespace
     * between tokens (inside strings they must be escaped), so the value is unchanged and the line stays one line.
     */
    private static String onOneLine(byte[] body) {
        byte[] line = body;
        for (int i = 0; i < line.length; i++) {
            if (line[i] == '\n' || line[i] == '\r') {
                if (line == body) {
                    line = body.clone();
                }
                line[i] = ' ';
            }
        }
        return new String(line, StandardCharsets.UTF_8);
    }
}
