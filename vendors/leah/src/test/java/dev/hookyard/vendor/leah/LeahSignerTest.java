package dev.hookyard.vendor.leah;

import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Signer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static dev.hookyard.vendor.leah.LeahVendors.DOC_BASIC_HEADER;
import static dev.hookyard.vendor.leah.LeahVendors.DOC_BEARER_TOKEN;
import static dev.hookyard.vendor.leah.LeahVendors.DOC_USER_PASSWORD;
import static dev.hookyard.vendor.leah.LeahVendors.docBody;
import static dev.hookyard.vendor.leah.LeahVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LeahSignerTest {

    private static Map<String, String> sign(Map<String, ?> options, String secret) {
        Signer signer = vendor(options, secret).signer();
        return signer.sign(docBody("USER_REGISTERED").getBytes(StandardCharsets.UTF_8), Secret.of(secret));
    }

    @Test
    void aUserPasswordIsSentAsBasicExactlyAsInTheDocsSampleRequests() {
        assertEquals(Map.of("Authorization", DOC_BASIC_HEADER), sign(Map.of(), DOC_USER_PASSWORD));
        assertEquals(Map.of("Authorization", DOC_BASIC_HEADER), sign(Map.of("scheme", "basic"), DOC_USER_PASSWORD));
    }

    @Test
    void aTokenIsSentAsBearer() {
        assertEquals(Map.of("Authorization", "Bearer " + DOC_BEARER_TOKEN), sign(Map.of(), DOC_BEARER_TOKEN));
        assertEquals(Map.of("Authorization", "Bearer " + DOC_BEARER_TOKEN),
                sign(Map.of("scheme", "bearer"), DOC_BEARER_TOKEN));
    }

    @Test
    void aBearerOnlyEndpointSendsEvenAUserPasswordAsABearerToken() {
        assertEquals(Map.of("Authorization", "Bearer " + DOC_USER_PASSWORD),
                sign(Map.of("scheme", "bearer"), DOC_USER_PASSWORD));
    }

    @Test
    void basicIsUtf8AndKeepsEveryColonOfThePassword() {
        assertEquals(Map.of("Authorization", "Basic am9zw6k6cGE6c3M6w7w="), sign(Map.of(), "jos\u00e9:pa:ss:\u00fc"));
    }

    @Test
    void theHeaderDoesNotDependOnTheBody() {
        Signer signer = vendor(DOC_USER_PASSWORD).signer();
        Secret secret = Secret.of(DOC_USER_PASSWORD);
        assertEquals(signer.sign(new byte[0], secret), signer.sign(new byte[] {1, 2, 3}, secret));
    }
}
