package dev.hookyard.plugin.httpforward;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.WebhookEvent;

/**
 * {@code format: envelope}: one JSON object with the event's metadata and its body:
 * <pre>{"endpoint":"..","vendor":"..","type":"..","deliveryKey":"..","receivedAt":"2024-05-01T12:00:00Z","body":{..}}</pre>
 * A body that is one JSON value is embedded verbatim (not re-serialised, so numbers and key order are exactly the
 * vendor's); any other body (empty, form data, text) is embedded as a JSON string of its UTF-8 text.
 */
final class EnvelopeBody implements BodyFormat {

    @Override
    public ForwardedBody render(WebhookEvent event) {
        Delivery delivery = event.delivery();
        String body = Json.withoutByteOrderMark(delivery.bodyText());
        byte[] bytes = Json.object(json -> {
            json.writeStringField("endpoint", delivery.endpoint());
            json.writeStringField("vendor", event.vendor());
            json.writeStringField("type", event.type());
            json.writeStringField("deliveryKey", event.deliveryKey());
            json.writeStringField("receivedAt", delivery.receivedAt().toString());
            json.writeFieldName("body");
            if (Json.isOneValue(body)) {
                json.writeRawValue(body.strip());
            } else {
                json.writeString(body);
            }
        });
        return new ForwardedBody(bytes, ForwardedBody.JSON);
    }
}
