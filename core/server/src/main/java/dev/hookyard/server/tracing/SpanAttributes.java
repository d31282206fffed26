package dev.hookyard.server.tracing;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The attributes Hookyard's spans carry. Each value comes from the configuration (endpoint, handler), from a vendor's
 * fixed vocabulary (event type, reason code), or is a number or fixed outcome: never a header value, a secret or any
 * part of a body.
 */
final class SpanAttributes {

    static final AttributeKey<String> ENDPOINT = AttributeKey.stringKey("hookyard.endpoint");
    static final AttributeKey<String> VENDOR = AttributeKey.stringKey("hookyard.vendor");
    static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("hookyard.event.type");
    static final AttributeKey<Long> DELIVERY_ID = AttributeKey.longKey("hookyard.delivery.id");
    /** The reason code of a refusal, as in {@code hookyard_rejections_total}. */
    static final AttributeKey<String> REASON = AttributeKey.stringKey("hookyard.reason");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("hookyard.outcome");
    static final AttributeKey<String> HANDLER = AttributeKey.stringKey("hookyard.handler");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("hookyard.attempt");
    /** OpenTelemetry's semantic conventions: the answer's status, and the class of a failure. */
    static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private SpanAttributes() {
    }
}
