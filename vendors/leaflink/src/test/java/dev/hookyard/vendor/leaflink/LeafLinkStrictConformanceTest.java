package dev.hookyard.vendor.leaflink;

import dev.hookyard.spi.VendorFactory;
import dev.hookyard.testkit.VendorConformanceSuite;

import java.util.Map;

/** The conformance suite again in strict mode: every catalog sample must still be a known, typed event. */
class LeafLinkStrictConformanceTest extends VendorConformanceSuite {

    @Override
    protected VendorFactory factory() {
        return new LeafLinkVendorFactory();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("strict", true);
    }
}
