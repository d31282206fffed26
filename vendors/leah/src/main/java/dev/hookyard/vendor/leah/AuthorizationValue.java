package dev.hookyard.vendor.leah;

import dev.hookyard.vendor.support.AsciiCase;

/**
 * An {@code Authorization} header value split into its scheme and credentials ({@code <scheme> 1*SP <credentials>},
 * RFC 9110 section 11.4). Knows nothing of any particular scheme.
 *
 * @param scheme      the scheme name as sent; compare it with {@link #isScheme(String)}
 * @param credentials everything after the spaces that follow the scheme; empty when nothing follows
 */
record AuthorizationValue(String scheme, String credentials) {

    /** The characters HTTP allows in a token, besides ASCII letters and digits. */
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    /**
     * Splits a header value already stripped of surrounding whitespace; {@code null} when it does not start with a
     * token scheme name followed by a space or the end.
     */
    static AuthorizationValue parse(String value) {
        int end = 0;
        while (end < value.length() && isTokenChar(value.charAt(end))) {
            end++;
        }
        if (end == 0 || end < value.length() && value.charAt(end) != ' ') {
            return null;
        }
        int start = end;
        while (start < value.length() && value.charAt(start) == ' ') {
            start++;
        }
        return new AuthorizationValue(value.substring(0, end), value.substring(start));
    }

    /**
     * Whether the scheme is {@code name}, ignoring ASCII case only ({@link AsciiCase}): {@link String#equalsIgnoreCase}
     * folds Unicode case, so it would take e.g. {@code "basıc"} (dotless i) for {@code "Basic"}.
     */
    boolean isScheme(String name) {
        return AsciiCase.equalsIgnoreCase(scheme, name);
    }

    private static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || TOKEN_SYMBOLS.indexOf(c) >= 0;
    }
}
