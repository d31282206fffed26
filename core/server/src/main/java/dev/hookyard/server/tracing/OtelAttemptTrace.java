package dev.hookyard.server.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;

/** A handler attempt's span in the OpenTelemetry SDK. */
final class OtelAttemptTrace implements AttemptTrace {

    private final Span span;

    OtelAttemptTrace(Span span) {
        this.span = span;
    }

    @Override
    public Scope enter() {
        io.opentelemetry.context.Scope scope = Context.root().with(span).makeCurrent();
        return scope::close;
    }

    @Override
    public void end(String outcome, boolean failed, String errorType) {
        span.setAttribute(SpanAttributes.OUTCOME, outcome);
        if (errorType != null) {
            span.setAttribute(SpanAttributes.ERROR_TYPE, errorType);
        }
        if (failed) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }
}
