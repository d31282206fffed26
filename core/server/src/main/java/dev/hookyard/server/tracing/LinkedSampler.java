package dev.hookyard.server.tracing;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;

/**
 * Samples a delivery's trace by {@code tracing.sampleRatio}, and a handler attempt's trace as its delivery's was:
 * an attempt linked to a sampled delivery is sampled, one linked to a delivery left out is left out, so a partial
 * sample holds whole stories rather than attempts without their delivery. An attempt with no link (its delivery was
 * received before a restart) is sampled by the ratio.
 */
final class LinkedSampler implements Sampler {

    private final Sampler byRatio;

    LinkedSampler(double ratio) {
        this.byRatio = Sampler.traceIdRatioBased(ratio);
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
                                       Attributes attributes, List<LinkData> parentLinks) {
        if (!parentLinks.isEmpty()) {
            boolean linkedSampled = parentLinks.stream().anyMatch(link -> link.getSpanContext().isSampled());
            return linkedSampled ? SamplingResult.recordAndSample() : SamplingResult.drop();
        }
        return byRatio.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return "LinkedSampler{" + byRatio.getDescription() + "}";
    }
}
