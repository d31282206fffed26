package dev.hookyard.plugin.jsonlarchive;

import dev.hookyard.spi.Headers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which request headers carry credentials, and the headers with those values replaced by {@value #MASK}.
 *
 * <p>Masked: {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie}, and any header whose name contains
 * {@code signature}, {@code token}, {@code secret}, {@code password} or {@code apikey} (ignoring case, {@code -} and
 * {@code _}, so {@code X-Api-Key} counts). A signature is masked too: with the body it is an oracle for guessing the
 * secret offline, and an archive is read by more people than the secret's owner.
 */
final class CredentialHeaders {

    /** What a masked value is replaced with. */
    static final String MASK = "****";

    private static final Set<String> NAMES = Set.of("authorization", "proxy-authorization", "cookie");
    private static final List<String> NAME_PARTS = List.of("signature", "token", "secret", "password", "apikey");

    private CredentialHeaders() {
    }

    /** Whether values of the header with this name are credentials. */
    static boolean isCredential(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (NAMES.contains(lower)) {
            return true;
        }
        String squeezed = lower.replace("-", "").replace("_", "");
        return NAME_PARTS.stream().anyMatch(squeezed::contains);
    }

    /** The headers as name (first-seen spelling) to values in arrival order, credential values masked. */
    static Map<String, List<String>> masked(Headers headers) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        headers.toMap().forEach((name, values) -> result.put(name,
                isCredential(name) ? Collections.nCopies(values.size(), MASK) : values));
        return result;
    }
}
