package dev.hookyard.plugin.httpforward;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.WebhookEvent;

/**
 * {@code format: raw}: the body exactly as the vendor sent it, with the vendor's Content-Type, so the downstream
 * sees what Hookyard saw (and could even check the vendor's own signature if the headers were passed on).
 */
final class RawBody implements BodyFormat {

    @Override
    public ForwardedBody render(WebhookEvent event) {
        Delivery delivery = event.delivery();
        String contentType = delivery.headers().first("Content-Type")
                .map(String::strip)
                // Sent as a header again: a value that is not clean header text is not worth the risk.
                .filter(value -> !value.isEmpty() && HeaderTemplate.headerSafe(value).equals(value))
                .orElse(ForwardedBody.JSON);
        return new ForwardedBody(delivery.body(), contentType);
    }
}
