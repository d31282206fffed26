package dev.hookyard.vendor.github;

import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Signer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.hookyard.vendor.github.GitHubVendors.DOCS_PAYLOAD;
import static dev.hookyard.vendor.github.GitHubVendors.DOCS_SECRET;
import static dev.hookyard.vendor.github.GitHubVendors.DOCS_SHA1;
import static dev.hookyard.vendor.github.GitHubVendors.DOCS_SHA256;
import static dev.hookyard.vendor.github.GitHubVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GitHubSignerTest {

    private static final byte[] PAYLOAD = DOCS_PAYLOAD.getBytes(StandardCharsets.UTF_8);
    private static final Secret SECRET = Secret.of(DOCS_SECRET);

    private final Signer signer = vendor(DOCS_SECRET).signer();

    @Test
    void signsGitHubsTestVectorAsGitHubDoes() {
        assertEquals(DOCS_SHA256, signer.sign(PAYLOAD, SECRET).get("X-Hub-Signature-256"));
    }

    @Test
    void aTypedBodyGetsTheEventNameAndADeliveryId() {
        Map<String, String> headers = signer.sign(PAYLOAD, SECRET, "pull_request.opened");

        assertEquals(List.of("X-Hub-Signature-256", "X-GitHub-Delivery", "X-GitHub-Event"),
                List.copyOf(headers.keySet()));
        assertEquals("pull_request", headers.get("X-GitHub-Event"));
        assertTrue(headers.get("X-GitHub-Delivery").matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"),
                headers.get("X-GitHub-Delivery"));
        assertEquals("push", signer.sign(PAYLOAD, SECRET, "push").get("X-GitHub-Event"));
    }

    @Test
    void withoutATypeThereIsNoEventHeader() {
        assertEquals(List.of("X-Hub-Signature-256", "X-GitHub-Delivery"),
                List.copyOf(signer.sign(PAYLOAD, SECRET).keySet()));
    }

    @Test
    void theDeliveryIdIsTheSameForTheSameEventAndBodyAndDiffersOtherwise() {
        String id = signer.sign(PAYLOAD, SECRET, "push").get("X-GitHub-Delivery");

        assertEquals(id, signer.sign(PAYLOAD, Secret.of("other"), "push").get("X-GitHub-Delivery"));
        assertNotEquals(id, signer.sign(PAYLOAD, SECRET, "ping").get("X-GitHub-Delivery"));
        assertNotEquals(id, signer.sign("Hello, World?".getBytes(StandardCharsets.UTF_8), SECRET, "push")
                .get("X-GitHub-Delivery"));
    }

    @Test
    void whereSha1IsAllowedItSignsAsALegacySenderDoes() {
        Map<String, String> headers = vendor(Map.of("allowSha1", "true"), DOCS_SECRET).signer()
                .sign(PAYLOAD, SECRET, "ping");

        assertEquals(DOCS_SHA1, headers.get("X-Hub-Signature"));
        assertEquals(List.of("X-Hub-Signature", "X-GitHub-Delivery", "X-GitHub-Event"), List.copyOf(headers.keySet()));
    }
}
