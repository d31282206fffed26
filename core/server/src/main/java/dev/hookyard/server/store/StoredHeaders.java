package dev.hookyard.server.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookyard.spi.CredentialHeaders;
import dev.hookyard.spi.Headers;
import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * How request headers are kept: a JSON object of name to values, credentials masked by the configured rule. They
 * are masked when written and again when read, so that a row written under an earlier, narrower rule (before the
 * store's own rewrite, {@link StoredHeaderMasking}, has reached it) is never shown in clear either.
 */
public final class StoredHeaders {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, List<String>>> SHAPE = new TypeReference<>() {
    };

    private final CredentialHeaders credentials;

    public StoredHeaders(CredentialHeaders credentials) {
        this.credentials = credentials;
    }

    /** The headers as stored, credentials masked (again, if the caller did). */
    public String encode(Headers headers) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            json.writeStartObject();
            IOException[] failed = {null};
            headers.forEach((name, values) -> {
                try {
                    json.writeArrayFieldStart(name);
                    boolean credential = credentials.isCredential(name);
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

    /** Stored headers, credentials masked. */
    public Headers decode(String json) {
        return credentials.mask(decodeAsStored(json));
    }

    /** Stored headers exactly as the row holds them. */
    static Headers decodeAsStored(String json) {
        try {
            return Headers.of(JSON.readValue(json, SHAPE));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored headers are not the JSON this class writes", e);
        }
    }
}
