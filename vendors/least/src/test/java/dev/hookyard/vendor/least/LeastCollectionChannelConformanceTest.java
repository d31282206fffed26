package dev.hookyard.vendor.least;

import dev.hookyard.spi.VendorFactory;
import dev.hookyard.testkit.VendorConformanceSuite;
import java.util.Map;

/** The suite again on an endpoint restricted to Collection API webhooks ({@code X-LEAST-Signature} only). */
class LeastCollectionChannelConformanceTest extends VendorConformanceSuite {

    @Override
    protected VendorFactory factory() {
        return new LeastVendorFactory();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("channel", "collection");
    }
}
