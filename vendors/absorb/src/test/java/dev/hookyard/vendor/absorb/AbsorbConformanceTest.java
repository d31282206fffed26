package dev.hookyard.vendor.absorb;

import dev.hookyard.spi.VendorFactory;
import dev.hookyard.testkit.VendorConformanceSuite;

/** Absorb runs the conformance suite every vendor module runs, on an endpoint with default options. */
class AbsorbConformanceTest extends VendorConformanceSuite {

    @Override
    protected VendorFactory factory() {
        return new AbsorbVendorFactory();
    }
}
