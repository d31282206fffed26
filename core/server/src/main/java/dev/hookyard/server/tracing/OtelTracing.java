package dev.hookyard.server.tracing;

import dev.hookyard.server.store.StoredDelivery;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracing with the OpenTelemetry SDK: one trace per delivery (receive, with verify, parse and commit under it) and
 * one per handler attempt, linked to its delivery's. Spans are exported in batches off the request path; a collector
 * that is slow or away costs dropped spans (the batch queue is bounded), never a delayed answer.
 */
public final class OtelTracing implements Tracing {

    static final String RECEIVE = "hookyard.receive";
    static final String HANDLE = "hookyard.handle";
    private static final String INSTRUMENTATION = "dev.hookyard.server";
    private static final Duration EXPORT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * How long a stop waits for the last spans to be exported: short, since it adds to the stop after the dispatcher's
     * grace (the systemd unit allows 30 s in all), and a collector that is away would have it wait in vain.
     */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger("hookyard.tracing");

    private final SdkTracerProvider provider;
    private final Tracer tracer;
    private final DeliveryLinks links = new DeliveryLinks(DeliveryLinks.CAPACITY);

    private OtelTracing(SdkTracerProvider provider) {
        this.provider = provider;
        this.tracer = provider.get(INSTRUMENTATION);
    }

    /** What {@code tracing:} asks for: {@link Tracing#OFF}, or spans exported over OTLP/HTTP. */
    public static Tracing of(TracingSettings settings, String version) {
        if (!settings.enabled()) {
            return OFF;
        }
        ExporterLogBridge.install();
        LOG.info("Traces exported to {} (OTLP/HTTP) as service {}, sample ratio {}", settings.endpoint(),
                settings.serviceName(), settings.sampleRatio());
        OtlpHttpSpanExporterBuilder exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint(settings.endpoint().toString())
                .setTimeout(EXPORT_TIMEOUT);
        settings.headers().forEach((name, value) -> exporter.addHeader(name, value.reveal()));
        return new OtelTracing(provider(BatchSpanProcessor.builder(exporter.build()).build(), settings.serviceName(),
                version, settings.sampleRatio()));
    }

    /** Spans handed to {@code processor} as they end (tests give a simple processor and an in-memory exporter). */
    public static OtelTracing exportingWith(SpanProcessor processor, double sampleRatio) {
        return new OtelTracing(provider(processor, TracingSettings.DEFAULT_SERVICE_NAME, "test", sampleRatio));
    }

    private static SdkTracerProvider provider(SpanProcessor processor, String serviceName, String version,
                                              double sampleRatio) {
        Resource resource = Resource.getDefault().merge(Resource.create(Attributes.builder()
                .put("service.name", serviceName)
                .put("service.version", version)
                .build()));
        return SdkTracerProvider.builder()
                .setResource(resource)
                .setSampler(new LinkedSampler(sampleRatio))
                .addSpanProcessor(processor)
                .build();
    }

    @Override
    public DeliveryTrace receive(String endpoint, String vendor) {
        // A new root whatever the request carries: nothing a sender sends is trusted before it is verified, so a
        // traceparent of its choosing never shapes our traces or their sampling.
        Span span = tracer.spanBuilder(RECEIVE).setNoParent().setSpanKind(SpanKind.SERVER)
                .setAttribute(SpanAttributes.ENDPOINT, endpoint)
                .setAttribute(SpanAttributes.VENDOR, vendor)
                .startSpan();
        return new OtelDeliveryTrace(tracer, span, links);
    }

    @Override
    public AttemptTrace attempt(StoredDelivery delivery, String handler, int attempt) {
        SpanBuilder builder = tracer.spanBuilder(HANDLE).setNoParent().setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SpanAttributes.ENDPOINT, delivery.endpoint())
                .setAttribute(SpanAttributes.VENDOR, delivery.vendor())
                .setAttribute(SpanAttributes.EVENT_TYPE, delivery.eventType())
                .setAttribute(SpanAttributes.DELIVERY_ID, delivery.id())
                .setAttribute(SpanAttributes.HANDLER, handler)
                .setAttribute(SpanAttributes.ATTEMPT, (long) attempt);
        SpanContext received = links.get(delivery.id());
        if (received != null) {
            builder.addLink(received);
        }
        return new OtelAttemptTrace(builder.startSpan());
    }

    @Override
    public void close() {
        provider.shutdown().join(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
