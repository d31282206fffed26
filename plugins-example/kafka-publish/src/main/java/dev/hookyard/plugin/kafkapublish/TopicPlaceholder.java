package dev.hookyard.plugin.kafkapublish;

import dev.hookyard.spi.WebhookEvent;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event metadata a topic template may name as {@code {placeholder}}. No payload values: a topic per payload
 * value would let whoever sends webhooks decide how many topics exist.
 */
enum TopicPlaceholder {
    ENDPOINT("endpoint", event -> event.delivery().endpoint()),
    VENDOR("vendor", WebhookEvent::vendor),
    TYPE("type", WebhookEvent::type);

    private final String name;
    private final Function<WebhookEvent, String> value;

    TopicPlaceholder(String name, Function<WebhookEvent, String> value) {
        this.name = name;
        this.value = value;
    }

    /** This placeholder's value for the event, as the event has it (not yet made a valid topic name). */
    String valueOf(WebhookEvent event) {
        return value.apply(event);
    }

    /** The placeholder with this name (exact, case-sensitive). */
    static Optional<TopicPlaceholder> named(String name) {
        return Arrays.stream(values()).filter(p -> p.name.equals(name)).findFirst();
    }

    /** Every placeholder as written in a template, for messages: {@code {endpoint}, {vendor}, {type}}. */
    static String list() {
        return Arrays.stream(values()).map(p -> "{" + p.name + "}").collect(Collectors.joining(", "));
    }
}
