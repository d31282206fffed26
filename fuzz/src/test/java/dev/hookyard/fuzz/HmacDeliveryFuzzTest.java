package dev.hookyard.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hookyard.spi.Vendor;
import java.util.List;

/** The hmac vendor's verifier and parser on arbitrary headers and body bytes: see {@link DeliveryFuzzing#arbitrary}. */
class HmacDeliveryFuzzTest {

    private static final List<FuzzEndpoint> ENDPOINTS = FuzzEndpoint.HMAC;
    private static final List<Vendor> VENDORS = ENDPOINTS.stream().map(FuzzEndpoint::vendor).toList();

    @FuzzTest(maxDuration = "10s")
    void verifyAndParse(FuzzedDataProvider data) {
        DeliveryFuzzing.arbitrary(ENDPOINTS, VENDORS, data);
    }
}
