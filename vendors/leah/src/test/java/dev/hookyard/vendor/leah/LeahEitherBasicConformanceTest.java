package dev.hookyard.vendor.leah;

import dev.hookyard.spi.VendorFactory;
import dev.hookyard.testkit.VendorConformanceSuite;

import java.util.List;

/**
 * The suite on a default endpoint ({@code scheme: either}) whose secrets are {@code user:password}s, so the signer
 * sends Basic: the path by which most Leah webhooks (set up with Basic, as in Leah's own samples) arrive.
 */
class LeahEitherBasicConformanceTest extends VendorConformanceSuite {

    @Override
    protected VendorFactory factory() {
        return new LeahVendorFactory();
    }

    @Override
    protected List<String> secrets() {
        return List.of("hookyard:pa:ss-one", "hookyard:pa:ss-two");
    }

    /** A static credential: see {@link LeahBearerConformanceTest#authenticatesTheBody()}. */
    @Override
    protected boolean authenticatesTheBody() {
        return false;
    }
}
