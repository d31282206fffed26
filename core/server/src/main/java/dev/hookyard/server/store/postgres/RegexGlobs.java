package dev.hookyard.server.store.postgres;

import dev.hookyard.server.store.QueryRows;
import java.util.regex.Pattern;

/**
 * Route globs ({@code *} any run, {@code ?} one character, everything else literal) as anchored PostgreSQL regular
 * expressions: unlike {@code LIKE}, nothing in a name needs escaping but what is escaped here.
 */
final class RegexGlobs implements QueryRows.GlobMatch {

    static final RegexGlobs INSTANCE = new RegexGlobs();
    private static final Pattern SPECIAL = Pattern.compile("[\\\\.^$|?*+()\\[\\]{}]");

    private RegexGlobs() {
    }

    @Override
    public String condition(String column) {
        return column + " ~ ?";
    }

    @Override
    public String argument(String glob) {
        StringBuilder regex = new StringBuilder("^");
        StringBuilder literal = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            if (ch == '*' || ch == '?') {
                regex.append(quote(literal)).append(ch == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(ch);
            }
        }
        return regex.append(quote(literal)).append('$').toString();
    }

    private static String quote(CharSequence literal) {
        return SPECIAL.matcher(literal).replaceAll("\\\\$0");
    }
}
