package dev.hookyard.server.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

/** A delivery's trace in the OpenTelemetry SDK: the receive span and its stages' child spans. */
final class OtelDeliveryTrace implements DeliveryTrace {

    private final Tracer tracer;
    private final Span receive;
    private final Context parent;
    private final DeliveryLinks links;

    OtelDeliveryTrace(Tracer tracer, Span receive, DeliveryLinks links) {
        this.tracer = tracer;
        this.receive = receive;
        this.parent = Context.root().with(receive);
        this.links = links;
    }

    @Override
    public Stage stage(String name) {
        // The parent is explicit: the commit ends on a store thread, where no context of this request is current.
        Span span = tracer.spanBuilder(name).setParent(parent).startSpan();
        return (outcome, reason) -> {
            span.setAttribute(SpanAttributes.OUTCOME, outcome);
            if (reason != null) {
                span.setAttribute(SpanAttributes.REASON, reason);
            }
            span.end();
        };
    }

    @Override
    public void refused(String reason) {
        receive.setAttribute(SpanAttributes.REASON, reason);
    }

    @Override
    public void eventType(String type) {
        receive.setAttribute(SpanAttributes.EVENT_TYPE, type);
    }

    @Override
    public void stored(long deliveryId, boolean handlersOwed) {
        receive.setAttribute(SpanAttributes.DELIVERY_ID, deliveryId);
        if (handlersOwed) {
            links.put(deliveryId, receive.getSpanContext());
        }
    }

    @Override
    public void end(int status) {
        receive.setAttribute(SpanAttributes.HTTP_STATUS, (long) status);
        if (status >= 500) {
            // Only the server's failures are errors of this span; a 4xx is the sender's (semantic conventions).
            receive.setStatus(StatusCode.ERROR);
        }
        receive.end();
    }
}
