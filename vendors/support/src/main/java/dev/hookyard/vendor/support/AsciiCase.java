package dev.hookyard.vendor.support;

/**
 * Case-insensitive comparisons that fold ASCII letters only, for the protocol tokens of HTTP headers (scheme names,
 * {@code sha256=} prefixes). {@link String#equalsIgnoreCase} and
 * {@link String#regionMatches(boolean, int, String, int, int)} fold Unicode case, so they would take
 * {@code "\u017Fha256="} (long s) for {@code "sha256="} or {@code "bas\u0131c"} (dotless i) for {@code "Basic"}, and
 * let two different values count as one.
 */
public final class AsciiCase {

    private AsciiCase() {
    }

    /** Whether {@code a} and {@code b} are equal, ignoring the case of ASCII letters only. */
    public static boolean equalsIgnoreCase(String a, String b) {
        return a.length() == b.length() && regionMatches(a, b, b.length());
    }

    /** Whether {@code text} starts with {@code prefix}, ignoring the case of ASCII letters only. */
    public static boolean startsWithIgnoreCase(String text, String prefix) {
        return text.length() >= prefix.length() && regionMatches(text, prefix, prefix.length());
    }

    /** {@code c} with an ASCII upper-case letter made lower case; any other character as it is. */
    public static char toLowerCase(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static boolean regionMatches(String a, String b, int length) {
        for (int i = 0; i < length; i++) {
            if (toLowerCase(a.charAt(i)) != toLowerCase(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
