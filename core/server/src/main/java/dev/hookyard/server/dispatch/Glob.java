package dev.hookyard.server.dispatch;

import java.util.regex.Pattern;

/**
 * A name pattern from a route: {@code *} matches any run of characters (dots included, so {@code record.*}
 * matches {@code record.created}), {@code ?} one character; everything else matches itself.
 */
public final class Glob {

    private final String text;
    private final Pattern pattern;

    private Glob(String text) {
        this.text = text;
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        this.pattern = Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    public static Glob of(String text) {
        return new Glob(text);
    }

    public boolean matches(String name) {
        return pattern.matcher(name).matches();
    }

    /** Whether it contains a wildcard; a plain name can be checked against known names at startup. */
    public boolean isLiteral() {
        return text.indexOf('*') < 0 && text.indexOf('?') < 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
