package dev.hookyard.vendor.standardwebhooks;

import dev.hookyard.spi.VendorFactory;
import dev.hookyard.testkit.VendorConformanceSuite;

import java.util.List;

/**
 * Standard Webhooks with asymmetric ({@code v1a}, Ed25519) keys runs the conformance suite too. The suite signs and
 * verifies with the same secret, so the keyring holds the {@code whsk_} secret keys, which verify through their
 * public halves; {@code whpk_} keys are covered by {@link StandardWebhooksVerifierTest}.
 */
class StandardWebhooksEd25519ConformanceTest extends VendorConformanceSuite {

    @Override
    protected VendorFactory factory() {
        return new StandardWebhooksVendorFactory();
    }

    @Override
    protected List<String> secrets() {
        return List.of("whsk_Y29uZm9ybWFuY2UtZWQyNTUxOS1zZWVkLW51bWJyLTE=",
                "whsk_Y29uZm9ybWFuY2UtZWQyNTUxOS1zZWVkLW51bWJyLTI=");
    }
}
