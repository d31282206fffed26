package dev.hookyard.vendor.least;

import dev.hookyard.spi.VendorFactory;
import dev.hookyard.testkit.VendorConformanceSuite;

/** LEAST runs the conformance suite every vendor module runs, on an endpoint accepting either channel. */
class LeastConformanceTest extends VendorConformanceSuite {

    @Override
    protected VendorFactory factory() {
        return new LeastVendorFactory();
    }
}
