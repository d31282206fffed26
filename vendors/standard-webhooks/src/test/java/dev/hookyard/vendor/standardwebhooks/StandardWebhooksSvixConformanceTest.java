package dev.hookyard.vendor.standardwebhooks;

import dev.hookyard.spi.VendorFactory;
import dev.hookyard.testkit.VendorConformanceSuite;

import java.util.List;
import java.util.Map;

/** An endpoint with {@code headerPrefix: svix} (svix-id, svix-timestamp, svix-signature) runs the suite too. */
class StandardWebhooksSvixConformanceTest extends VendorConformanceSuite {

    @Override
    protected VendorFactory factory() {
        return new StandardWebhooksVendorFactory();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("headerPrefix", "svix", "pastToleranceSeconds", 60, "futureToleranceSeconds", 10);
    }

    @Override
    protected List<String> secrets() {
        return List.of("whsec_c3ZpeC1jb25mb3JtYW5jZS1zZWNyZXQtb25l", "c3ZpeC1jb25mb3JtYW5jZS1zZWNyZXQtdHdv");
    }
}
