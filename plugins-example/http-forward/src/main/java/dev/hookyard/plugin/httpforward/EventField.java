package dev.hookyard.plugin.httpforward;

import dev.hookyard.spi.WebhookEvent;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event metadata a template may name as {@code {{placeholder}}}.
 *
 * <p>Deliberately not payload values: a template's output goes into HTTP headers, and a payload is written by
 * whoever sends the webhook. Letting it choose header values invites header injection (a CR/LF in a value splits
 * the request), overriding headers the downstream trusts ({@code Authorization}), and copying personal data into
 * headers that proxies log. These fields are set by Hookyard's configuration or the vendor module, and are still
 * sanitised before they reach a header (see {@link HeaderTemplate#headerSafe(String)}).
 */
enum EventField {
    ENDPOINT("endpoint", event -> event.delivery().endpoint()),
    VENDOR("vendor", WebhookEvent::vendor),
    TYPE("type", WebhookEvent::type),
    DELIVERY_KEY("deliveryKey", WebhookEvent::deliveryKey),
    RECEIVED_AT("receivedAt", event -> event.delivery().receivedAt().toString());

    private final String placeholder;
    private final Function<WebhookEvent, String> value;

    EventField(String placeholder, Function<WebhookEvent, String> value) {
        this.placeholder = placeholder;
        this.value = value;
    }

    /** The name between the braces, e.g. {@code deliveryKey}. */
    String placeholder() {
        return placeholder;
    }

    /** This field's value for the event. */
    String valueOf(WebhookEvent event) {
        return value.apply(event);
    }

    /** The field with this placeholder name (exact, case-sensitive). */
    static Optional<EventField> named(String placeholder) {
        return Arrays.stream(values()).filter(f -> f.placeholder.equals(placeholder)).findFirst();
    }

    /** Every placeholder as written in a template, for messages: {@code {{endpoint}}, {{vendor}}, ...}. */
    static String placeholderList() {
        return Arrays.stream(values()).map(f -> "{{" + f.placeholder + "}}").collect(Collectors.joining(", "));
    }
}
