package dev.hookyard.spi;

import java.util.Map;

/**
 * The trace context of the handler call running on the calling thread, as the headers that carry it on to another
 * service: W3C Trace Context's {@code traceparent}, and {@code tracestate} when there is one. A handler that calls
 * another service (an HTTP forwarder) sends them with its request, so that the service's work joins the trace of the
 * handler attempt. Plain strings, so the SPI stays {@code java.base} only and a plugin needs no tracing library.
 */
@FunctionalInterface
public interface TraceHeaders {

    /** No trace context: the host traces nothing, or the call is not traced. */
    TraceHeaders NONE = Map::of;

    /**
     * The headers of the call this thread is running; call it from inside {@link Handler#handle}. Immutable, and
     * empty when the host does not trace. A call left out of the sample still has them, with the sampled flag
     * clear, so the service called leaves its part out too.
     */
    Map<String, String> current();
}
