package dev.hookyard.vendor.falkor;

import dev.hookyard.spi.VendorFactory;
import dev.hookyard.testkit.VendorConformanceSuite;

/** Falkor runs the conformance suite every vendor module runs, on an endpoint with no platform configured. */
class FalkorConformanceTest extends VendorConformanceSuite {

    @Override
    protected VendorFactory factory() {
        return new FalkorVendorFactory();
    }
}
