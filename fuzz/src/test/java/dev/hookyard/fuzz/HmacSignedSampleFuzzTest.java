package dev.hookyard.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hookyard.spi.Vendor;
import java.util.List;

/**
 * The hmac vendor's verifier and parser on genuinely signed catalog samples, then mutated: see
 * {@link DeliveryFuzzing#mutatedSample}.
 */
class HmacSignedSampleFuzzTest {

    private static final List<FuzzEndpoint> ENDPOINTS = FuzzEndpoint.HMAC;
    private static final List<Vendor> VENDORS = ENDPOINTS.stream().map(FuzzEndpoint::vendor).toList();

    @FuzzTest(maxDuration = "10s")
    void verifyAndParse(FuzzedDataProvider data) {
        DeliveryFuzzing.mutatedSample(ENDPOINTS, VENDORS, data);
    }
}
