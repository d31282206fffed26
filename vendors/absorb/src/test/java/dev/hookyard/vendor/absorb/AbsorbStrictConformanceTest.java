package dev.hookyard.vendor.absorb;

import dev.hookyard.spi.VendorFactory;
import dev.hookyard.testkit.VendorConformanceSuite;

import java.util.Map;

/** The suite again in strict mode: every catalog sample must still parse to its typed record. */
class AbsorbStrictConformanceTest extends VendorConformanceSuite {

    @Override
    protected VendorFactory factory() {
        return new AbsorbVendorFactory();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("strict", true);
    }
}
