package dev.hookyard.vendor.hmac;

import dev.hookyard.spi.VendorFactory;
import dev.hookyard.testkit.VendorConformanceSuite;

import java.util.Map;

/** The conformance suite on a legacy endpoint: hex HMAC-SHA1 after sha1=, the type deep in the body, no key. */
class HmacSha1ConformanceTest extends VendorConformanceSuite {

    @Override
    protected VendorFactory factory() {
        return new HmacVendorFactory();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("header", "X-Legacy-Signature", "algorithm", "sha1", "prefix", "sha1=", "type",
                "/meta/event~1name");
    }
}
