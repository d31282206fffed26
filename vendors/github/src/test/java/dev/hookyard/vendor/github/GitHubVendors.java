package dev.hookyard.vendor.github;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verification;
import dev.hookyard.testkit.VendorContexts;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Shared fixtures of the GitHub tests: vendors built through the factory, as the host builds them. */
final class GitHubVendors {

    /** GitHub's published test vector ("Validating webhook deliveries"), checked with openssl dgst -hmac. */
    static final String DOCS_SECRET = "It's a Secret to Everybody";
    static final String DOCS_PAYLOAD = "Hello, World!";
    static final String DOCS_SHA256 = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    /** The same payload's HMAC-SHA1, as GitHub's legacy X-Hub-Signature would carry it (openssl dgst -sha1 -hmac). */
    static final String DOCS_SHA1 = "sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59";

    static final String DELIVERY_ID = "72d3162e-cc78-11e3-81ab-4c9367dc0958";

    private GitHubVendors() {
    }

    static Vendor vendor(Map<String, ?> options, String... secrets) {
        return new GitHubVendorFactory().create(VendorContexts.of("github", Keyring.of(secrets), options));
    }

    static Vendor vendor(String... secrets) {
        return vendor(Map.of(), secrets);
    }

    /** A delivery with hand-written headers, for cases a genuine signer would never produce. */
    static Delivery delivery(String body, Map<String, ? extends List<String>> headers) {
        return new Delivery("github", Headers.of(headers), body.getBytes(StandardCharsets.UTF_8),
                VendorContexts.FIXED_INSTANT);
    }

    /** A delivery with these single-valued headers, in this order: name, value, name, value, ... */
    static Delivery delivery(String body, String... namesAndValues) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return delivery(body, headers);
    }

    /** A body as GitHub would send it for this event, with a valid delivery id; the signature is not checked. */
    static Delivery event(String event, String body) {
        return delivery(body, "X-GitHub-Event", event, "X-GitHub-Delivery", DELIVERY_ID);
    }

    static Verification.Rejected assertRejected(RejectionReason reason, Verification verification) {
        Verification.Rejected rejected = assertInstanceOf(Verification.Rejected.class, verification);
        assertEquals(reason, rejected.reason(), rejected.detail());
        return rejected;
    }
}
