package dev.hookyard.vendor.stripe;

import static dev.hookyard.vendor.stripe.StripeVendors.VECTOR_BODY;
import static dev.hookyard.vendor.stripe.StripeVendors.VECTOR_HEADER;
import static dev.hookyard.vendor.stripe.StripeVendors.VECTOR_SECRET;
import static dev.hookyard.vendor.stripe.StripeVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookyard.spi.Secret;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class StripeSignerTest {

    @Test
    void reproducesTheOpensslVectorAtItsTimestamp() {
        assertEquals(Map.of("Stripe-Signature", VECTOR_HEADER), vendor(VECTOR_SECRET).signer()
                .sign(VECTOR_BODY.getBytes(StandardCharsets.UTF_8), Secret.of(VECTOR_SECRET)));
    }

    @Test
    void signsTheClocksSecondAndTheBodyWithTheSecretsBytes() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2030-06-01T12:00:00.750Z"), ZoneOffset.UTC);
        byte[] body = "{\"id\":\"evt_9\",\"type\":\"x.y\"}".getBytes(StandardCharsets.UTF_8);
        String header = vendor(Map.of(), clock, VECTOR_SECRET).signer().sign(body, Secret.of("whsec_other"))
                .get("Stripe-Signature");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("whsec_other".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update("1906545600.".getBytes(StandardCharsets.US_ASCII));
        assertEquals("t=1906545600,v1=" + HexFormat.of().formatHex(mac.doFinal(body)), header);
    }
}
