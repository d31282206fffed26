package dev.hookyard.vendor.acme;

// tag::conformance[]
import dev.hookyard.spi.VendorFactory;
import dev.hookyard.testkit.VendorConformanceSuite;

class AcmeConformanceTest extends VendorConformanceSuite {

    @Override
    protected VendorFactory factory() {
        return new AcmeVendorFactory();
    }
}
// end::conformance[]
