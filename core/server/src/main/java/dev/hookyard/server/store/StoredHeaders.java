package dev.hookyard.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookyard.spi.Headers;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * How request headers are kept: JSON, with credentials masked ({@link CredentialHeaders}).
 */
final class StoredHeaders {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, List<String>>> SHAPE = new TypeReference<>() {
    };

    private StoredHeaders() {
    }

    /** The headers as stored: JSON, credentials masked (again, if the caller already did). */
    static String encode(Headers headers) {
        try {
            return JSON.writeValueAsString(CredentialHeaders.masked(headers).toMap());
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
