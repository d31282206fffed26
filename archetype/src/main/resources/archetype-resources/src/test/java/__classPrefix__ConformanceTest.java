package ${package};

import dev.hookyard.spi.VendorFactory;
import dev.hookyard.testkit.VendorConformanceSuite;

/**
 * The test kit's conformance suite: every catalog sample, signed with this vendor's signer, must verify and parse to
 * its type, and every kind of tampering must be refused as the host would refuse it.
 */
class ${classPrefix}ConformanceTest extends VendorConformanceSuite {

    @Override
    protected VendorFactory factory() {
        return new ${classPrefix}VendorFactory();
    }
}
