package dev.hookyard.vendor.falkor;

import dev.hookyard.spi.VendorFactory;
import dev.hookyard.testkit.VendorConformanceSuite;

import java.util.Map;

/** The suite again on an endpoint configured for the ByteKast white label ({@code ByteKast-Webhook-Signature}). */
class FalkorByteKastConformanceTest extends VendorConformanceSuite {

    @Override
    protected VendorFactory factory() {
        return new FalkorVendorFactory();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("platform", "ByteKast");
    }
}
