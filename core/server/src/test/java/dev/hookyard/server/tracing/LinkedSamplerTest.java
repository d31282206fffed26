package dev.hookyard.server.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A handler attempt is sampled as its delivery was, whatever the ratio; one without a link, by the ratio. */
class LinkedSamplerTest {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

    @Test
    void anAttemptLinkedToASampledDeliveryIsSampledEvenAtRatioZero() {
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(0.0, List.of(link(true))));
    }

    @Test
    void anAttemptLinkedToADeliveryLeftOutIsLeftOutEvenAtRatioOne() {
        assertEquals(SamplingDecision.DROP, decide(1.0, List.of(link(false))));
    }

    @Test
    void anAttemptWithoutALinkIsSampledByTheRatio() {
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(1.0, List.of()));
        assertEquals(SamplingDecision.DROP, decide(0.0, List.of()));
    }

    private static SamplingDecision decide(double ratio, List<LinkData> links) {
        return new LinkedSampler(ratio).shouldSample(Context.root(), TRACE, OtelTracing.HANDLE, SpanKind.CONSUMER,
                Attributes.empty(), links).getDecision();
    }

    private static LinkData link(boolean sampled) {
        return LinkData.create(SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(), TraceState.getDefault()));
    }
}
