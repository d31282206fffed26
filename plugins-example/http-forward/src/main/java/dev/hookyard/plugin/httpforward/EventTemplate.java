package dev.hookyard.plugin.httpforward;

import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.WebhookEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with {@code {{placeholder}}}s for the event's metadata ({@link EventField}), parsed once at startup so
 * that an unknown placeholder is a configuration error rather than a literal surprise at run time.
 */
final class EventTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    /** Literal text ({@link String}) and fields ({@link EventField}) in order. */
    private final List<Object> parts;

    private EventTemplate(List<Object> parts) {
        this.parts = List.copyOf(parts);
    }

    /**
     * Parses a template.
     *
     * @param key the option key it came from, for error messages
     * @throws InvalidOptionException if it names an unknown placeholder or has a <code>&#123;&#123;</code> that starts no placeholder
     */
    static EventTemplate parse(String key, String text) {
        List<Object> parts = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        int literalStart = 0;
        while (matcher.find()) {
            addLiteral(key, parts, text.substring(literalStart, matcher.start()));
            String name = matcher.group(1);
            parts.add(EventField.named(name).orElseThrow(() -> new InvalidOptionException(key,
                    "uses the unknown placeholder {{" + name + "}}",
                    "use only " + EventField.placeholderList())));
            literalStart = matcher.end();
        }
        addLiteral(key, parts, text.substring(literalStart));
        return new EventTemplate(parts);
    }

    private static void addLiteral(String key, List<Object> parts, String literal) {
        if (literal.contains("{{")) {
            throw new InvalidOptionException(key, "has a {{ that does not start a placeholder",
                    "close it as {{name}} with one of " + EventField.placeholderList());
        }
        if (!literal.isEmpty()) {
            parts.add(literal);
        }
    }

    /** The literal text of the template, without the placeholders (for checks on what the user wrote). */
    String literalText() {
        StringBuilder text = new StringBuilder();
        parts.stream().filter(String.class::isInstance).forEach(text::append);
        return text.toString();
    }

    /** The text for one event; each field value passes through {@code escapeValue}, the literal text does not. */
    String render(WebhookEvent event, UnaryOperator<String> escapeValue) {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            text.append(part instanceof EventField field ? escapeValue.apply(field.valueOf(event)) : part);
        }
        return text.toString();
    }
}
