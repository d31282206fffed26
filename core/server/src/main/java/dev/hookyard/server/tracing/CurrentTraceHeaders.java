package dev.hookyard.server.tracing;

import dev.hookyard.spi.TraceHeaders;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@link dev.hookyard.spi.HandlerContext#traceHeaders()} gives handlers: the W3C Trace Context headers of the
 * handler attempt current on the calling thread (see {@link AttemptTrace#enter()}), its sampled flag clear when the
 * attempt is left out of the sample. Without tracing, or outside an attempt, no span is current and the map is
 * empty.
 */
public final class CurrentTraceHeaders implements TraceHeaders {

    public static final CurrentTraceHeaders INSTANCE = new CurrentTraceHeaders();

    private CurrentTraceHeaders() {
    }

    @Override
    public Map<String, String> current() {
        Context context = Context.current();
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return Map.of();
        }
        Map<String, String> headers = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(context, headers, Map::put);
        return Map.copyOf(headers);
    }
}
