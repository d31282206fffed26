package dev.hookyard.server.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookyard.spi.Headers;
import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * How request headers are kept: JSON, with credentials masked ({@link CredentialHeaders}).
 */
public final class StoredHeaders {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, List<String>>> SHAPE = new TypeReference<>() {
    };

    private StoredHeaders() {
    }

    /** The headers as stored: a JSON object of name to values, credentials masked (again, if the caller did). */
    public static String encode(Headers headers) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            json.writeStartObject();
            IOException[] failed = {null};
            headers.forEach((name, values) -> {
                try {
                    json.writeArrayFieldStart(name);
                    boolean credential = CredentialHeaders.isCredential(name);
                    for (String value : values) {
                        json.writeString(credential ? CredentialHeaders.MASK : value);
                    }
                    json.writeEndArray();
                } catch (IOException e) {
                    failed[0] = e;
                }
            });
            if (failed[0] != null) {
                throw failed[0];
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing strings to memory cannot fail", e);
        }
        return out.toString();
    }

    public static Headers decode(String json) {
        try {
            return Headers.of(JSON.readValue(json, SHAPE));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored headers are not the JSON this class writes", e);
        }
    }
}
