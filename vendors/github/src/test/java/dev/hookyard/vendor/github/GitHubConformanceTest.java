package dev.hookyard.vendor.github;

import dev.hookyard.spi.VendorFactory;
import dev.hookyard.testkit.VendorConformanceSuite;

import java.util.Set;

/**
 * GitHub runs the conformance suite every vendor module runs. GitHub signs the body only: the event name and the
 * delivery id travel in headers nobody can tell a changed copy of, so they are declared unsigned.
 */
class GitHubConformanceTest extends VendorConformanceSuite {

    @Override
    protected VendorFactory factory() {
        return new GitHubVendorFactory();
    }

    @Override
    protected Set<String> unsignedHeaders() {
        return Set.of(DeliveryHeaders.EVENT, DeliveryHeaders.DELIVERY);
    }
}
