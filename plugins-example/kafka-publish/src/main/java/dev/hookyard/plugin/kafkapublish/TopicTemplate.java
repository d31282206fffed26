package dev.hookyard.plugin.kafkapublish;

import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.WebhookEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * A topic name with {@code {placeholder}}s for the event's metadata ({@link TopicPlaceholder}), e.g.
 * {@code hookyard.{endpoint}.{type}}, parsed once when the handler is built.
 *
 * <p>The literal text must already be a legal topic name part ({@code a-z A-Z 0-9 . _ -}): braces that do not form a
 * known placeholder and any other character are refused, so a typo stops startup instead of naming topics nobody
 * expects. Placeholder values come from deliveries: each character Kafka refuses in them becomes {@code _}.
 */
final class TopicTemplate {

    /** Literal text ({@link String}) and placeholders ({@link TopicPlaceholder}) in order. */
    private final List<Object> parts;

    private TopicTemplate(List<Object> parts) {
        this.parts = List.copyOf(parts);
    }

    /**
     * Parses a template.
     *
     * @param key the option key it came from, for error messages
     * @throws InvalidOptionException if the template is empty, names an unknown placeholder, has an unmatched brace or
     *                                a character Kafka refuses in topic names, or cannot expand to a valid name
     */
    static TopicTemplate parse(String key, String template) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                int close = template.indexOf('}', i + 1);
                if (close < 0) {
                    throw new InvalidOptionException(key, "has a { that is not closed",
                            "write placeholders as " + TopicPlaceholder.list());
                }
                String name = template.substring(i + 1, close);
                TopicPlaceholder placeholder = TopicPlaceholder.named(name).orElseThrow(() ->
                        new InvalidOptionException(key, "uses the unknown placeholder {" + name + "}",
                                "use only " + TopicPlaceholder.list()));
                addLiteral(parts, literal);
                parts.add(placeholder);
                i = close + 1;
            } else if (c == '}') {
                throw new InvalidOptionException(key, "has a } that closes no placeholder",
                        "write placeholders as " + TopicPlaceholder.list());
            } else if (!TopicName.isLegal(String.valueOf(c))) {
                throw new InvalidOptionException(key,
                        "contains " + describe(c) + ", which Kafka refuses in topic names",
                        "use only letters a-z and A-Z, digits, '.', '_' and '-' besides the placeholders");
            } else {
                literal.append(c);
                i++;
            }
        }
        addLiteral(parts, literal);
        TopicTemplate parsed = new TopicTemplate(parts);
        parsed.checkCanExpand(key);
        return parsed;
    }

    private static void addLiteral(List<Object> parts, StringBuilder literal) {
        if (!literal.isEmpty()) {
            parts.add(literal.toString());
            literal.setLength(0);
        }
    }

    /** Refuses what no event could turn into a valid name: nothing at all, a fixed bad name, or too much text. */
    private void checkCanExpand(String key) {
        if (parts.isEmpty()) {
            throw new InvalidOptionException(key, "is empty", "name a topic, e.g. hookyard.{endpoint}.{type}");
        }
        String literalText = literalText();
        if (literalText.startsWith("__")) {
            throw new InvalidOptionException(key, "starts with __, which Kafka reserves for its internal topics",
                    "start the topic name with something else, e.g. hookyard.");
        }
        if (parts.stream().noneMatch(TopicPlaceholder.class::isInstance)) {
            TopicName.problem(literalText).ifPresent(problem -> {
                throw new InvalidOptionException(key, problem, "name a valid topic, e.g. hookyard.events");
            });
        } else if (literalText.length() >= TopicName.MAX_LENGTH) {
            throw new InvalidOptionException(key, "has " + literalText.length() + " characters besides its"
                    + " placeholders, leaving no room for them in Kafka's " + TopicName.MAX_LENGTH,
                    "use a shorter topic name");
        }
    }

    private String literalText() {
        StringBuilder text = new StringBuilder();
        parts.stream().filter(String.class::isInstance).forEach(text::append);
        return text.toString();
    }

    /** The topic for one event: the template with each placeholder's value, made legal, in its place. */
    ExpandedTopic expand(WebhookEvent event) {
        StringBuilder name = new StringBuilder();
        for (Object part : parts) {
            name.append(part instanceof TopicPlaceholder placeholder
                    ? TopicName.legalized(placeholder.valueOf(event)) : part);
        }
        String topic = name.toString();
        return TopicName.problem(topic)
                // Not the name itself: it holds delivery values, and is too long or nothing but dots anyway.
                .<ExpandedTopic>map(problem -> new ExpandedTopic.Unusable("the topic name this event expands to "
                        + problem))
                .orElseGet(() -> new ExpandedTopic.Valid(topic));
    }

    private static String describe(char c) {
        return c >= 0x21 && c <= 0x7E ? "'" + c + "'" : String.format("the character U+%04X", (int) c);
    }
}
