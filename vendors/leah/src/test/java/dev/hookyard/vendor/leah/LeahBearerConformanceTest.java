package dev.hookyard.vendor.leah;

import dev.hookyard.spi.VendorFactory;
import dev.hookyard.testkit.VendorConformanceSuite;

/** Leah runs the conformance suite on a default endpoint ({@code scheme: either}) with tokens: Bearer deliveries. */
class LeahBearerConformanceTest extends VendorConformanceSuite {

    @Override
    protected VendorFactory factory() {
        return new LeahVendorFactory();
    }

    /**
     * Leah sends the same static credential with every request and signs nothing about the body, so a changed body
     * cannot be noticed here; only HTTPS (Leah delivers to HTTPS endpoints only) protects the body in transit.
     */
    @Override
    protected boolean authenticatesTheBody() {
        return false;
    }
}
