package dev.hookyard.server.store;

import dev.hookyard.spi.Headers;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
        // Asked for every header of every delivery: compared in place rather than on a lower-cased copy.
        return name.equalsIgnoreCase("authorization") || name.equalsIgnoreCase("proxy-authorization")
                || name.equalsIgnoreCase("cookie") || containsIgnoringCase(name, "signature")
                || containsIgnoringCase(name, "token") || containsIgnoringCase(name, "secret");
    }

    private static boolean containsIgnoringCase(String text, String lowerPart) {
        for (int i = 0; i + lowerPart.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, lowerPart, 0, lowerPart.length())) {
                return true;
            }
        }
        return false;
    }

    /** {@code headers} with every credential's values masked; the same instance when there is none. */
    public static Headers masked(Headers headers) {
        boolean[] any = {false};
        headers.forEach((name, values) -> any[0] |= isCredential(name));
        if (!any[0]) {
            return headers;
        }
        Map<String, List<String>> masked = new LinkedHashMap<>();
        headers.forEach((name, values) -> masked.put(name, isCredential(name) ? masks(values.size()) : values));
        return Headers.of(masked);
    }

    private static List<String> masks(int count) {
        return count == 1 ? List.of(MASK) : Collections.nCopies(count, MASK);
    }
}
