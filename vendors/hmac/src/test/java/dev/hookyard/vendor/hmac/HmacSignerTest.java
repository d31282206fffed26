package dev.hookyard.vendor.hmac;

import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Signer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.hookyard.vendor.hmac.HmacVendors.BASIC;
import static dev.hookyard.vendor.hmac.HmacVendors.SLACK;
import static dev.hookyard.vendor.hmac.HmacVendors.SLACK_BODY;
import static dev.hookyard.vendor.hmac.HmacVendors.SLACK_SECRET;
import static dev.hookyard.vendor.hmac.HmacVendors.SLACK_SIGNATURE;
import static dev.hookyard.vendor.hmac.HmacVendors.SLACK_TIMESTAMP;
import static dev.hookyard.vendor.hmac.HmacVendors.clockAt;
import static dev.hookyard.vendor.hmac.HmacVendors.vendor;
import static dev.hookyard.vendor.hmac.HmacVendors.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class HmacSignerTest {

    private static final byte[] BODY = "{\"event\":\"order.created\",\"id\":\"ord_1\"}".getBytes(StandardCharsets.UTF_8);
    private static final Secret SECRET = Secret.of("hmac-test-secret");

    @Test
    void signsTheBodyInTheConfiguredHeader() {
        assertEquals(Map.of("X-Signature", "ecd71817598117866a63cc38f48a059544e97761656180b7ec1c0ea76e40751e"),
                vendor(BASIC).signer().sign(BODY, SECRET));
    }

    @Test
    void signsSlacksExampleAsSlackDoesWithTheClockAtItsTimestamp() {
        Signer slack = vendor(SLACK, clockAt(Long.parseLong(SLACK_TIMESTAMP))).signer();

        assertEquals(Map.of("X-Slack-Signature", SLACK_SIGNATURE, "X-Slack-Request-Timestamp", SLACK_TIMESTAMP),
                slack.sign(SLACK_BODY.getBytes(StandardCharsets.UTF_8), Secret.of(SLACK_SECRET)));
    }

    @Test
    void writesThePrefixAndBase64() {
        assertEquals("sha512=/qxSuQ9NiZj05L7CkZMO8fdLwSmGp3JgXf7vl9NBhZnkomDyIw0x/DbJEJUrFEv0RVUpkIL/1wE83VbYQfOeQw==",
                vendor(with(BASIC, "algorithm", "sha512", "encoding", "base64", "prefix", "sha512=")).signer()
                        .sign(BODY, SECRET).get("X-Signature"));
    }

    @Test
    void sendsTheTypeAndAnIdInTheirHeadersWhenTheyComeFromHeaders() {
        Signer signer = vendor(Map.of("header", "X-S", "type", "header:X-Event", "key", "header:X-Id")).signer();

        Map<String, String> typed = signer.sign(BODY, SECRET, "order.paid");
        Map<String, String> untyped = signer.sign(BODY, SECRET);

        assertEquals(List.of("X-S", "X-Event", "X-Id"), List.copyOf(typed.keySet()));
        assertEquals("order.paid", typed.get("X-Event"));
        assertEquals(List.of("X-S", "X-Id"), List.copyOf(untyped.keySet()));
        assertEquals(typed.get("X-Id"), signer.sign(BODY, Secret.of("other"), "order.paid").get("X-Id"));
        assertNotEquals(typed.get("X-Id"), signer.sign(BODY, SECRET, "order.created").get("X-Id"));
    }

    @Test
    void aTypeInTheBodyAddsNoHeader() {
        assertEquals(List.of("X-Signature"), List.copyOf(vendor(BASIC).signer().sign(BODY, SECRET, "order.created")
                .keySet()));
    }
}
