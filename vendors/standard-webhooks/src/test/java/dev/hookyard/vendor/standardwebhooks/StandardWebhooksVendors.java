package dev.hookyard.vendor.standardwebhooks;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.Vendor;
import dev.hookyard.testkit.VendorContexts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shared fixtures of the Standard Webhooks tests: the published test vectors, and vendors built through the factory.
 *
 * <p>{@code v1}: the vector of the specification's libraries (Svix's too), recomputed independently with
 * {@code openssl dgst -sha256 -mac HMAC -macopt hexkey:<base64-decoded secret>} over
 * {@code msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}}. {@code v1a}: the signing vector of the
 * specification's Go library (seed {@code TESTSIGNINGKEYDONOTUSETHISFORANY}), recomputed with {@code openssl pkeyutl
 * -sign -rawin}; its public key, from {@code openssl pkey -pubout}, was not published and is derived there.
 */
final class StandardWebhooksVendors {

    static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final String SPEC_TIMESTAMP = "1614265330";
    static final String SPEC_BODY = "{\"test\": 2432232314}";
    static final String SPEC_V1 = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    static final String SPEC_SIGNING_KEY = "whsk_VEVTVFNJR05JTkdLRVlET05PVFVTRVRISVNGT1JBTlk=";
    static final String SPEC_PUBLIC_KEY = "whpk_ZlN4eg7dSSqi0moX9hQUk3orrOouK3QVQSlJa248c/g=";
    static final String SPEC_V1A = "v1a,tQ9V2XOqn7jL/DQenEFpqIugdBVtiMmER5mhSkXBNwM0mkATuDe6KYYUuxqtaiHeYGb7KaaBRdM5"
            + "WqyeFiL8Ag==";

    /** A clock stopped at the vectors' timestamp. */
    static final Clock SPEC_CLOCK = Clock.fixed(Instant.ofEpochSecond(1614265330), ZoneOffset.UTC);

    private StandardWebhooksVendors() {
    }

    static Vendor vendor(Map<String, ?> options, Clock clock, String... secrets) {
        return new StandardWebhooksVendorFactory().create(VendorContexts.of("standard-webhooks",
                Keyring.of(secrets), options, clock));
    }

    /** A vendor on the vectors' clock, with default options. */
    static Vendor atSpecTime(String... secrets) {
        return vendor(Map.of(), SPEC_CLOCK, secrets);
    }

    /** A delivery with the three headers as given (a {@code null} value leaves that header out). */
    static Delivery delivery(String body, String id, String timestamp, String signature) {
        return delivery("webhook", body, id, timestamp, signature);
    }

    static Delivery delivery(String prefix, String body, String id, String timestamp, String signature) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (id != null) {
            headers.put(prefix + "-id", List.of(id));
        }
        if (timestamp != null) {
            headers.put(prefix + "-timestamp", List.of(timestamp));
        }
        if (signature != null) {
            headers.put(prefix + "-signature", List.of(signature));
        }
        return delivery(body, headers);
    }

    static Delivery delivery(String body, Map<String, List<String>> headers) {
        return new Delivery("standard-webhooks", Headers.of(headers), body.getBytes(StandardCharsets.UTF_8),
                SPEC_CLOCK.instant());
    }

    /** The spec vector's delivery with this signature header. */
    static Delivery specDelivery(String signature) {
        return delivery(SPEC_BODY, SPEC_ID, SPEC_TIMESTAMP, signature);
    }
}
