package dev.hookyard.vendor.leaflink;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.Vendor;
import dev.hookyard.testkit.VendorContexts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Shared fixtures of the LeafLink tests: SPEC.md's test vector and vendors built through the factory. */
final class LeafLinkVendors {

    static final String SPEC_KEY = "webhook key";
    static final String SPEC_BODY = "{\"foo\": \"bar\"}";
    static final String SPEC_SIGNATURE = "VGMl5PPB6743s97TjQTnfqM5eUdmVClvdVmPH7JZU7s=";
    static final String SPEC_HEX = "546325e4f3c1ebbe37b3ded38d04e77ea33979476654296f75598f1fb25953bb";

    private LeafLinkVendors() {
    }

    static Vendor vendor(Map<String, ?> options, String... keys) {
        return new LeafLinkVendorFactory().create(VendorContexts.of("leaflink", Keyring.of(keys), options));
    }

    static Vendor vendor(String... keys) {
        return vendor(Map.of(), keys);
    }

    /** A delivery with hand-written headers, for what a genuine signer would never produce. */
    static Delivery delivery(String body, Map<String, ? extends List<String>> headers) {
        return new Delivery("leaflink", Headers.of(headers), body.getBytes(StandardCharsets.UTF_8),
                VendorContexts.FIXED_INSTANT);
    }

    static Delivery delivery(String body, String header, String value) {
        return delivery(body, Map.of(header, List.of(value)));
    }
}
