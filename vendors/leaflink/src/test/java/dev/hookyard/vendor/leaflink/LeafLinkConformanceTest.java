package dev.hookyard.vendor.leaflink;

import dev.hookyard.spi.VendorFactory;
import dev.hookyard.testkit.VendorConformanceSuite;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * LeafLink runs the conformance suite every vendor module runs, less one check that contradicts SPEC.md's optional
 * padding (see {@link OptionalPaddingWaiver}).
 */
@ExtendWith(OptionalPaddingWaiver.class)
class LeafLinkConformanceTest extends VendorConformanceSuite {

    @Override
    protected VendorFactory factory() {
        return new LeafLinkVendorFactory();
    }
}
