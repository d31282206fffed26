package dev.hookyard.vendor.leah;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.Vendor;
import dev.hookyard.testkit.VendorContexts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Shared fixtures of the Leah tests: vendors built through the factory, as the host builds them, and leah.txt. */
final class LeahVendors {

    /** The credentials of leah.txt's sample server and sample requests. */
    static final String DOC_USER_PASSWORD = "my_user:my_pass";
    static final String DOC_BASIC_HEADER = "Basic bXlfdXNlcjpteV9wYXNz";
    static final String DOC_BEARER_TOKEN = "qhDm976TwG2sBZcftRLube";

    /** The five event types, in leah.txt's order. */
    static final List<String> DOC_EVENTS = List.of("USER_REGISTERED", "ONBOARDING_FINISHED",
            "PLACEMENT_TEST_FINISHED", "SPEAKING_TEST_FINISHED", "OVERALL_LEVEL");

    private LeahVendors() {
    }

    static Vendor vendor(Map<String, ?> options, String... secrets) {
        return new LeahVendorFactory().create(VendorContexts.of("leah", Keyring.of(secrets), options));
    }

    static Vendor vendor(String... secrets) {
        return vendor(Map.of(), secrets);
    }

    /**
     * A request body exactly as leah.txt shows it, copied from the page into test resources: {@code <EVENT>.json} for
     * the five sample requests, {@code curl-USER_REGISTERED.json} for the curl example (pretty-printed, no partner).
     */
    static String docBody(String name) {
        try (InputStream in = LeahVendors.class.getResourceAsStream("/leah-docs/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no leah.txt body " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A delivery with hand-written headers, for cases a genuine signer would never produce. */
    static Delivery delivery(String body, Map<String, ? extends List<String>> headers) {
        return new Delivery("leah", Headers.of(headers), body.getBytes(StandardCharsets.UTF_8),
                VendorContexts.FIXED_INSTANT);
    }

    static Delivery delivery(String body, String header, String value) {
        return delivery(body, Map.of(header, List.of(value)));
    }

    /** A body with only an {@code Authorization} header of this value. */
    static Delivery authorized(String value) {
        return delivery(docBody("USER_REGISTERED"), "Authorization", value);
    }
}
