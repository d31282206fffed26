package dev.hookyard.vendor.hmac;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verification;
import dev.hookyard.testkit.VendorContexts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Shared fixtures of the hmac tests: vendors built through the factory, as the host builds them. */
final class HmacVendors {

    /**
     * Slack's published example of its request signing ("Verifying requests from Slack"): Slack signs
     * {@code v0:<timestamp>:<body>} with HMAC-SHA256 and sends {@code v0=<hex>}. Checked with openssl dgst -hmac.
     */
    static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String SLACK_TIMESTAMP = "1531420618";
    static final String SLACK_BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
            + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121"
            + ".803a0bc887a14d10d2c447fce8b6703c";
    static final String SLACK_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    static final Map<String, Object> SLACK = Map.of("header", "X-Slack-Signature", "prefix", "v0=",
            "timestampHeader", "X-Slack-Request-Timestamp", "signedContent", "v0:{timestamp}:{body}",
            "type", "/type");

    /** The simplest endpoint: hex HMAC-SHA256 of the body in X-Signature, the type in the body's event field. */
    static final Map<String, Object> BASIC = Map.of("header", "X-Signature", "type", "/event");

    private HmacVendors() {
    }

    static Vendor vendor(Map<String, ?> options, Clock clock, String... secrets) {
        return new HmacVendorFactory().create(VendorContexts.of("hmac-endpoint", Keyring.of(secrets), options,
                clock));
    }

    static Vendor vendor(Map<String, ?> options, String... secrets) {
        return vendor(options, VendorContexts.FIXED_CLOCK, secrets);
    }

    static Clock clockAt(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    /** The options of {@code base} with these changed (a null value removes the key). */
    static Map<String, Object> with(Map<String, Object> base, Object... keysAndValues) {
        Map<String, Object> options = new LinkedHashMap<>(base);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] == null) {
                options.remove((String) keysAndValues[i]);
            } else {
                options.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return options;
    }

    /** A delivery with these single-valued headers, in this order: name, value, name, value, ... */
    static Delivery delivery(String body, String... namesAndValues) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.computeIfAbsent(namesAndValues[i], name -> new java.util.ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return new Delivery("hmac-endpoint", Headers.of(headers), body.getBytes(StandardCharsets.UTF_8),
                VendorContexts.FIXED_INSTANT);
    }

    static Verification.Rejected assertRejected(RejectionReason reason, Verification verification) {
        Verification.Rejected rejected = assertInstanceOf(Verification.Rejected.class, verification);
        assertEquals(reason, rejected.reason(), rejected.detail());
        return rejected;
    }
}
