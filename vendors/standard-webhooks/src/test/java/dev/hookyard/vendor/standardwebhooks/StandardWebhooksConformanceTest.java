package dev.hookyard.vendor.standardwebhooks;

import dev.hookyard.spi.VendorFactory;
import dev.hookyard.testkit.VendorConformanceSuite;

import java.util.List;

/** Standard Webhooks with symmetric ({@code v1}, {@code whsec_}) keys runs the conformance suite. */
class StandardWebhooksConformanceTest extends VendorConformanceSuite {

    @Override
    protected VendorFactory factory() {
        return new StandardWebhooksVendorFactory();
    }

    @Override
    protected List<String> secrets() {
        return List.of("whsec_Y29uZm9ybWFuY2Utc2VjcmV0LW9uZS0yNC1ieXRlcw==",
                "whsec_Y29uZm9ybWFuY2Utc2VjcmV0LXR3by0yNC1ieXRlcw==");
    }
}
