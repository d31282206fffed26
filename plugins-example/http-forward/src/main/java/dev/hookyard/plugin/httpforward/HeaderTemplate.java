package dev.hookyard.plugin.httpforward;

import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.WebhookEvent;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One configured request header: a valid name and a value template.
 *
 * @param name  the header name as configured
 * @param value the value template
 */
record HeaderTemplate(String name, EventTemplate value) {

    /** RFC 9110 token characters: anything else in a name would corrupt the request. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** Printable ASCII, space and tab: the values every HTTP stack passes through unchanged. */
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7E\\t]*");
    private static final Pattern NOT_PRINTABLE = Pattern.compile("[^\\x20-\\x7E\\t]");

    /** Headers the JDK HTTP client sets itself and refuses from callers. */
    private static final Set<String> SET_BY_HTTP_CLIENT = Set.of("connection", "content-length", "expect", "host",
            "upgrade");

    /**
     * Parses {@code <mapKey>.<name>: <template>}.
     *
     * @param reserved lower-case names this plugin sets itself, which a template must not replace
     * @throws InvalidOptionException naming {@code mapKey.name} if the name or the template is unusable
     */
    static HeaderTemplate parse(String mapKey, String name, String template, Set<String> reserved) {
        String key = mapKey + "." + name;
        checkName(key, name);
        String lower = name.toLowerCase(Locale.ROOT);
        if (SET_BY_HTTP_CLIENT.contains(lower)) {
            throw new InvalidOptionException(key, "is set by the HTTP client and cannot be configured",
                    "remove " + key);
        }
        if (reserved.contains(lower)) {
            throw new InvalidOptionException(key, "is set by http-forward itself", "remove " + key);
        }
        if (template.indexOf('\r') >= 0 || template.indexOf('\n') >= 0) {
            // A line break in a header value ends the header: everything after it would be injected into the request.
            throw new InvalidOptionException(key, "contains a line break (CR or LF)",
                    "write the value on one line");
        }
        EventTemplate value = EventTemplate.parse(key, template);
        if (!PRINTABLE.matcher(value.literalText()).matches()) {
            throw new InvalidOptionException(key, "contains control or non-ASCII characters",
                    "use printable ASCII only in header values");
        }
        return new HeaderTemplate(name, value);
    }

    /** Checks that a header name is an HTTP token. */
    static void checkName(String key, String name) {
        if (!TOKEN.matcher(name).matches()) {
            throw new InvalidOptionException(key, "is not a valid HTTP header name",
                    "use letters, digits and - only, e.g. X-Source");
        }
    }

    /** The value for one event. */
    String render(WebhookEvent event) {
        return value.render(event, HeaderTemplate::headerSafe);
    }

    /**
     * A value made safe for a header: anything but printable ASCII, space and tab (CR and LF above all) becomes
     * {@code ?}. Event types and delivery keys can come from a payload, so they are never trusted to be clean.
     */
    static String headerSafe(String value) {
        return NOT_PRINTABLE.matcher(value).replaceAll("?");
    }
}
