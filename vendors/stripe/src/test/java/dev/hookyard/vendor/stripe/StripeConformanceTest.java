package dev.hookyard.vendor.stripe;

import dev.hookyard.spi.VendorFactory;
import dev.hookyard.testkit.VendorConformanceSuite;

import java.util.List;

/** Stripe runs the conformance suite every vendor module runs (with signing secrets, which start with whsec_). */
class StripeConformanceTest extends VendorConformanceSuite {

    @Override
    protected VendorFactory factory() {
        return new StripeVendorFactory();
    }

    @Override
    protected List<String> secrets() {
        return List.of("whsec_conformance_secret_one", "whsec_conformance_secret_two");
    }
}
