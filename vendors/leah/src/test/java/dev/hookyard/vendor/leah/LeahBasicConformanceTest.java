package dev.hookyard.vendor.leah;

import dev.hookyard.spi.VendorFactory;
import dev.hookyard.testkit.VendorConformanceSuite;

import java.util.List;
import java.util.Map;

/**
 * The suite again on a Basic-only endpoint ({@code scheme: basic}), with {@code user:password} secrets whose passwords
 * contain {@code ':'}. Each is 18 bytes, so its base64 has no padding and every character carries credential bits:
 * the suite's one-character changes to the header can never decode to the same credential.
 */
class LeahBasicConformanceTest extends VendorConformanceSuite {

    @Override
    protected VendorFactory factory() {
        return new LeahVendorFactory();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("scheme", "basic");
    }

    @Override
    protected List<String> secrets() {
        return List.of("hookyard:pa:ss-one", "hookyard:pa:ss-two");
    }

    /** A static credential, as for Bearer: see {@link LeahBearerConformanceTest#authenticatesTheBody()}. */
    @Override
    protected boolean authenticatesTheBody() {
        return false;
    }
}
