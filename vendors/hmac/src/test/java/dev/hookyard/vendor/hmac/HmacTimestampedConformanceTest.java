package dev.hookyard.vendor.hmac;

import dev.hookyard.spi.VendorFactory;
import dev.hookyard.testkit.VendorConformanceSuite;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The conformance suite on an endpoint that uses every option: base64 HMAC-SHA512 after a prefix, over a signed
 * timestamp and the body, with the type and the delivery id in headers the signature does not cover.
 */
class HmacTimestampedConformanceTest extends VendorConformanceSuite {

    @Override
    protected VendorFactory factory() {
        return new HmacVendorFactory();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("header", "Webhook-Signature", "algorithm", "sha512", "encoding", "base64", "prefix", "v1=",
                "timestampHeader", "Webhook-Timestamp", "signedContent", "v1:{timestamp}:{body}", "tolerance", "2m",
                "type", "header:Webhook-Event", "key", "header:Webhook-Id",
                "eventTypes", List.of("order.created", "order.paid", "order.refunded"));
    }

    @Override
    protected Set<String> unsignedHeaders() {
        return Set.of("Webhook-Event", "Webhook-Id");
    }
}
