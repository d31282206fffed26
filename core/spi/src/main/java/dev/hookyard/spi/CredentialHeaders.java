package dev.hookyard.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which request headers carry credentials, recognised by name, and the same headers with those values masked. It is
 * the one rule of Hookyard: the host masks with it every header it keeps or shows once a delivery is verified (the
 * store, what handlers get, the management API, the command line), and hands it to handler plugins as
 * {@link HandlerContext#credentialHeaders()}, so that a plugin writing headers anywhere masks exactly what the host
 * masks.
 *
 * <p>A pattern is a header name in which {@code *} stands for any run of characters ({@code *key*} masks
 * {@code X-Api-Key} and {@code Idempotency-Key}). Names and patterns are compared ignoring ASCII case, with
 * {@code -} and {@code _} alike ({@code X-API_KEY} is {@code x-api-key}). The {@link #BUILT_IN_PATTERNS} always
 * apply; a configuration can add patterns ({@link #withPatterns}) but not take any away.
 *
 * <p>Masking replaces each value by {@value #MASK}, keeping the name and the number of values. Verification is the
 * one stage that sees the values: it needs the real signature or credential, and runs before anything is masked.
 * Signatures are masked too: with the body, a MAC is an oracle for guessing a weak secret offline.
 */
public final class CredentialHeaders {

    /** What each value of a credential header is replaced with. */
    public static final String MASK = "****";

    /** The patterns that always apply. */
    public static final List<String> BUILT_IN_PATTERNS = List.of("*auth*", "*cookie*", "*credential*", "*hmac*",
            "*key*", "*passwd*", "*password*", "*secret*", "*session*", "*signature*", "*token*");

    /** The built-in patterns alone. */
    public static final CredentialHeaders DEFAULT = new CredentialHeaders(BUILT_IN_PATTERNS);

    /** Longer patterns are certainly a mistake: header names are short. */
    private static final int MAX_PATTERN_LENGTH = 200;

    /** Folded ({@link #fold}), without repeats, the built-in ones first. */
    private final List<String> patterns;

    private CredentialHeaders(Collection<String> patterns) {
        Set<String> folded = new LinkedHashSet<>();
        for (String pattern : patterns) {
            Checks.notNull(pattern, "pattern");
            if (!isValidPattern(pattern)) {
                throw new IllegalArgumentException("not a header name pattern: letters, digits, '-', '_' and the"
                        + " other characters of header names, with * for any characters, at most "
                        + MAX_PATTERN_LENGTH);
            }
            folded.add(fold(pattern));
        }
        this.patterns = List.copyOf(folded);
    }

    /**
     * These patterns as well as this rule's.
     *
     * @throws IllegalArgumentException if one is not {@linkplain #isValidPattern a valid pattern}
     */
    public CredentialHeaders withPatterns(Collection<String> more) {
        List<String> all = new ArrayList<>(patterns);
        all.addAll(more);
        return new CredentialHeaders(all);
    }

    /**
     * Whether {@code pattern} is 1 to 200 characters that may appear in a header name (RFC 9110 token characters:
     * letters, digits and {@code !#$%&'*+-.^_`|~}), where {@code *} stands for any run of characters.
     */
    public static boolean isValidPattern(String pattern) {
        if (pattern == null || pattern.isEmpty() || pattern.length() > MAX_PATTERN_LENGTH) {
            return false;
        }
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            boolean token = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!token) {
                return false;
            }
        }
        return true;
    }

    /** The patterns in effect, lower-cased with {@code _} written {@code -}: the built-in ones, then the added ones. */
    public List<String> patterns() {
        return patterns;
    }

    /** Whether the values of a header with this name are credentials (masked wherever they are kept or shown). */
    public boolean isCredential(String headerName) {
        // Asked for every header of every delivery: compared character by character, nothing allocated.
        for (String pattern : patterns) {
            if (matches(pattern, headerName)) {
                return true;
            }
        }
        return false;
    }

    /** {@code headers} with each value of every credential header masked; the same instance when there is none. */
    public Headers mask(Headers headers) {
        boolean[] any = {false};
        headers.forEach((name, values) -> any[0] |= isCredential(name));
        if (!any[0]) {
            return headers;
        }
        Map<String, List<String>> masked = new LinkedHashMap<>();
        headers.forEach((name, values) -> masked.put(name,
                isCredential(name) ? Collections.nCopies(values.size(), MASK) : values));
        return Headers.of(masked);
    }

    /** A glob match of a folded pattern against a name folded as it is read; {@code *} matches any run. */
    private static boolean matches(String pattern, String name) {
        int p = 0;
        int n = 0;
        int star = -1;
        int resume = 0;
        while (n < name.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = n;
            } else if (p < pattern.length() && pattern.charAt(p) == fold(name.charAt(n))) {
                p++;
                n++;
            } else if (star >= 0) {
                // Let the last star take one more character, and match the rest of the pattern from there.
                p = star + 1;
                n = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            folded.append(fold(text.charAt(i)));
        }
        return folded.toString();
    }

    /** ASCII letters in lower case, {@code _} as {@code -}; anything else unchanged. */
    private static char fold(char c) {
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + ('a' - 'A'));
        }
        return c == '_' ? '-' : c;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CredentialHeaders rule && rule.patterns.equals(patterns);
    }

    @Override
    public int hashCode() {
        return patterns.hashCode();
    }

    @Override
    public String toString() {
        return "CredentialHeaders" + patterns;
    }
}
