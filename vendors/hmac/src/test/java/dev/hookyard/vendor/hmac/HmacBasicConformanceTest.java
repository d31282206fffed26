package dev.hookyard.vendor.hmac;

import dev.hookyard.spi.VendorFactory;
import dev.hookyard.testkit.VendorConformanceSuite;

import java.util.Map;

/** The conformance suite on the simplest endpoint: hex HMAC-SHA256 of the body, type and key in the body. */
class HmacBasicConformanceTest extends VendorConformanceSuite {

    @Override
    protected VendorFactory factory() {
        return new HmacVendorFactory();
    }

    @Override
    protected Map<String, Object> options() {
        return HmacVendors.with(HmacVendors.BASIC, "key", "/id");
    }
}
