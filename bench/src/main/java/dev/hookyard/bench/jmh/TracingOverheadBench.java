package dev.hookyard.bench.jmh;

import dev.hookyard.server.tracing.DeliveryTrace;
import dev.hookyard.server.tracing.OtelTracing;
import dev.hookyard.server.tracing.Tracing;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verification;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What tracing costs the request path, off ({@code tracing.enabled: false}, the default) against on (every delivery
 * sampled, spans batched to an exporter that drops them, so no network is measured). {@code traceCalls} makes
 * exactly the tracing calls of one accepted delivery ({@code DeliveryRequestHandler} and {@code DeliveryIntake}:
 * receive, verify, parse, commit, type, stored, end); {@code verifyParseTraced} wraps LEAST's verify and parse of
 * the bench sample in them, to be set beside {@code VendorBench} and {@code ParseBench}. Off should cost nothing
 * measurable and allocate nothing: run with {@code -prof gc} to see {@code gc.alloc.rate.norm} (bytes per
 * operation), e.g. {@code bench/jmh.sh 'TracingOverheadBench' -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TracingOverheadBench {

    @Param({"off", "on"})
    public String tracing;

    private Tracing traces;
    private Vendor least;
    private Delivery delivery;
    private long deliveryId;

    @Setup
    public void setUp() {
        traces = tracing.equals("on")
                ? OtelTracing.exportingWith(BatchSpanProcessor.builder(new DroppingExporter()).build(), 1.0)
                : Tracing.OFF;
        least = VendorBench.vendor("least", 1);
        delivery = VendorBench.signedSample(least, "least", 1);
    }

    @TearDown
    public void tearDown() {
        traces.close();
    }

    @Benchmark
    public DeliveryTrace traceCalls() {
        DeliveryTrace trace = traces.receive("least", "least");
        trace.stage(DeliveryTrace.VERIFY).end("verified");
        trace.stage(DeliveryTrace.PARSE).end("parsed");
        trace.eventType("record.created");
        trace.stage(DeliveryTrace.COMMIT).end("stored");
        trace.stored(++deliveryId, true);
        trace.end(200);
        return trace;
    }

    @Benchmark
    public ParseResult verifyParseTraced() {
        DeliveryTrace trace = traces.receive("least", "least");
        DeliveryTrace.Stage verifying = trace.stage(DeliveryTrace.VERIFY);
        Verification verification = least.verifier().verify(delivery);
        verifying.end(verification instanceof Verification.Verified ? "verified" : "rejected");
        DeliveryTrace.Stage parsing = trace.stage(DeliveryTrace.PARSE);
        ParseResult parsed = least.parser().parse(delivery);
        parsing.end("parsed");
        trace.end(200);
        return parsed;
    }

    /** An exporter that takes every batch and keeps nothing: the SDK's cost without the network's. */
    private static final class DroppingExporter implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
