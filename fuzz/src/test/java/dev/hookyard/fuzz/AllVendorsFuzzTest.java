package dev.hookyard.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hookyard.spi.Vendor;
import java.util.List;

/**
 * Both delivery targets of every vendor behind one entry point: the last input byte picks the vendor, the one
 * before it the target ({@link DeliveryFuzzing#arbitrary} or {@link DeliveryFuzzing#mutatedSample}), and the rest is
 * that target's input, so every per-vendor seed is a seed here with those two bytes appended.
 *
 * <p>It exists for the bounded fuzzing run of {@code mvn verify}: Jazzer fuzzes one target per JVM, and starting a
 * fuzzing JVM costs seconds, so CI fuzzes this one (and the config loader) instead of all the per-vendor
 * targets. Fuzz the per-vendor targets locally for depth.
 */
class AllVendorsFuzzTest {

    /** New vendors go at the end: the index byte of every existing seed keeps naming its vendor. */
    static final List<List<FuzzEndpoint>> ENDPOINTS = List.of(FuzzEndpoint.LEAST, FuzzEndpoint.ABSORB,
            FuzzEndpoint.LEAH, FuzzEndpoint.LEAFLINK, FuzzEndpoint.FALKOR, FuzzEndpoint.STANDARD_WEBHOOKS,
            FuzzEndpoint.STRIPE,
            FuzzEndpoint.GITHUB, FuzzEndpoint.HMAC);
    private static final List<List<Vendor>> VENDORS = ENDPOINTS.stream()
            .map(endpoints -> endpoints.stream().map(FuzzEndpoint::vendor).toList()).toList();

    @FuzzTest(maxDuration = "20s")
    void verifyAndParse(FuzzedDataProvider data) {
        int vendor = data.consumeInt(0, ENDPOINTS.size() - 1);
        if (data.consumeBoolean()) {
            DeliveryFuzzing.mutatedSample(ENDPOINTS.get(vendor), VENDORS.get(vendor), data);
        } else {
            DeliveryFuzzing.arbitrary(ENDPOINTS.get(vendor), VENDORS.get(vendor), data);
        }
    }
}
