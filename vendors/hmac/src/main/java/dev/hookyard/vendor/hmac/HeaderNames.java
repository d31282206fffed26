package dev.hookyard.vendor.hmac;

/** What an option naming a header may hold: an HTTP field name (RFC 9110 token) of bounded length. */
final class HeaderNames {

    static final int MAX_LENGTH = 100;

    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private HeaderNames() {
    }

    /** Whether {@code name} is 1 to {@value #MAX_LENGTH} ASCII letters, digits and token symbols. */
    static boolean isValid(String name) {
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letterOrDigit = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            if (!letterOrDigit && TOKEN_SYMBOLS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
