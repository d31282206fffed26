package dev.hookyard.vendor.leaflink;

import dev.hookyard.spi.VendorFactory;
import dev.hookyard.testkit.VendorConformanceSuite;

/** LeafLink runs the conformance suite every vendor module runs. */
class LeafLinkConformanceTest extends VendorConformanceSuite {

    @Override
    protected VendorFactory factory() {
        return new LeafLinkVendorFactory();
    }
}
