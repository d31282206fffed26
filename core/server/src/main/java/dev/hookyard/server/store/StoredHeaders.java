package dev.hookyard.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookyard.spi.Headers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How request headers are kept: JSON, with credentials masked. Signatures and credentials are only needed to
 * verify, which happens before storing; keeping them would turn the store into a pile of replayable secrets.
 */
final class StoredHeaders {

    static final String MASK = "****";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, List<String>>> SHAPE = new TypeReference<>() {
    };

    private StoredHeaders() {
    }

    /** Whether a header's value is a credential or a MAC and must never be stored or shown. */
    static boolean isCredential(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("authorization") || lower.equals("proxy-authorization") || lower.equals("cookie")
                || lower.contains("signature") || lower.contains("token") || lower.contains("secret");
    }

    static String encode(Headers headers) {
        Map<String, List<String>> masked = new LinkedHashMap<>();
        headers.toMap().forEach((name, values) ->
                masked.put(name, isCredential(name) ? values.stream().map(v -> MASK).toList() : values));
        try {
            return JSON.writeValueAsString(masked);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }

    static Headers decode(String json) {
        try {
            return Headers.of(JSON.readValue(json, SHAPE));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored headers are not the JSON this class writes", e);
        }
    }
}
