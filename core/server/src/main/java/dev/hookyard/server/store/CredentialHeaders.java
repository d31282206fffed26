package dev.hookyard.server.store;

import dev.hookyard.spi.Headers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which request headers carry credentials or MACs, and the same headers with those values masked. Signatures and
 * credentials are needed only to verify, which happens first; everything after verification (the store, parsers,
 * handlers, the API) sees the masked headers, so that no later stage can turn them into replayable secrets.
 */
public final class CredentialHeaders {

    /** What a credential's value is replaced with. */
    public static final String MASK = "****";

    private CredentialHeaders() {
    }

    /** Whether a header's value is a credential or a MAC and must never be stored or shown. */
    public static boolean isCredential(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("authorization") || lower.equals("proxy-authorization") || lower.equals("cookie")
                || lower.contains("signature") || lower.contains("token") || lower.contains("secret");
    }

    /** {@code headers} with every credential's values masked; the same instance when there is none. */
    public static Headers masked(Headers headers) {
        boolean any = false;
        for (String name : headers.names()) {
            if (isCredential(name)) {
                any = true;
                break;
            }
        }
        if (!any) {
            return headers;
        }
        Map<String, List<String>> masked = new LinkedHashMap<>();
        headers.toMap().forEach((name, values) ->
                masked.put(name, isCredential(name) ? values.stream().map(v -> MASK).toList() : values));
        return Headers.of(masked);
    }
}
