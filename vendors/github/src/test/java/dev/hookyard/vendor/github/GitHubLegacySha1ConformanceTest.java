package dev.hookyard.vendor.github;

import java.util.Map;

/** The conformance suite on an endpoint that allows SHA-1, whose signer signs as a legacy sender (SHA-1 only). */
class GitHubLegacySha1ConformanceTest extends GitHubConformanceTest {

    @Override
    protected Map<String, Object> options() {
        return Map.of(GitHubVendorFactory.ALLOW_SHA1, true);
    }
}
