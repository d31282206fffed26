package dev.hookyard.plugin.httpforward;

import dev.hookyard.spi.WebhookEvent;

/** How the forwarded request's body is built from an event (option {@code format}). Implementations are stateless. */
interface BodyFormat {

    /** The body and Content-Type to send for this event. */
    ForwardedBody render(WebhookEvent event);
}
