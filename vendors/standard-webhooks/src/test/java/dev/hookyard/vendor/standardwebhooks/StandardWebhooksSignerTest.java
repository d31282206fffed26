package dev.hookyard.vendor.standardwebhooks;

import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.SPEC_CLOCK;
import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.SPEC_PUBLIC_KEY;
import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.SPEC_SECRET;
import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.SPEC_SIGNING_KEY;
import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.SPEC_TIMESTAMP;
import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.atSpecTime;
import static dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Signer;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class StandardWebhooksSignerTest {

    private static final byte[] BODY = "{\"type\":\"invoice.paid\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);

    private final Signer signer = atSpecTime(SPEC_SECRET).signer();

    @Test
    void sendsTheThreeHeadersInOrder() {
        Map<String, String> headers = signer.sign(BODY, Secret.of(SPEC_SECRET));
        assertEquals(List.of("webhook-id", "webhook-timestamp", "webhook-signature"), List.copyOf(headers.keySet()));
        assertEquals(SPEC_TIMESTAMP, headers.get("webhook-timestamp"), "the endpoint clock's time in seconds");
    }

    @Test
    void theMessageIdIsDerivedFromTheBodySoSigningOneBodyTwiceIsOneMessage() throws Exception {
        String id = signer.sign(BODY, Secret.of(SPEC_SECRET)).get("webhook-id");
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(BODY));
        assertEquals("msg_" + digest.substring(0, 32), id);
        assertEquals(id, signer.sign(BODY, Secret.of(SPEC_SECRET)).get("webhook-id"));
        assertNotEquals(id, signer.sign("{}".getBytes(StandardCharsets.UTF_8), Secret.of(SPEC_SECRET))
                .get("webhook-id"));
    }

    @Test
    void aWhsecSecretMakesTheV1HmacOfIdTimestampAndBodyUnderTheDecodedKey() throws Exception {
        Map<String, String> headers = signer.sign(BODY, Secret.of(SPEC_SECRET));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), "HmacSHA256"));
        mac.update((headers.get("webhook-id") + "." + SPEC_TIMESTAMP + ".").getBytes(StandardCharsets.US_ASCII));
        assertEquals("v1," + Base64.getEncoder().encodeToString(mac.doFinal(BODY)), headers.get("webhook-signature"));
    }

    @Test
    void aWhskSecretMakesAV1aSignatureThatTheJdkVerifiesWithThePublicKey() throws Exception {
        Map<String, String> headers = signer.sign(BODY, Secret.of(SPEC_SIGNING_KEY));
        String signature = headers.get("webhook-signature");
        assertTrue(signature.startsWith("v1a,"), signature);
        byte[] raw = Base64.getDecoder().decode(SPEC_PUBLIC_KEY.substring("whpk_".length()));
        byte[] der = new byte[44];
        System.arraycopy(HexFormat.of().parseHex("302a300506032b6570032100"), 0, der, 0, 12);
        System.arraycopy(raw, 0, der, 12, 32);
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update((headers.get("webhook-id") + "." + SPEC_TIMESTAMP + ".").getBytes(StandardCharsets.US_ASCII));
        verifier.update(BODY);
        assertTrue(verifier.verify(Base64.getDecoder().decode(signature.substring("v1a,".length()))));
    }

    @Test
    void aSvixEndpointsSignerUsesTheSvixHeaders() {
        Map<String, String> headers = vendor(Map.of("headerPrefix", "svix"), SPEC_CLOCK, SPEC_SECRET).signer()
                .sign(BODY, Secret.of(SPEC_SECRET));
        assertEquals(List.of("svix-id", "svix-timestamp", "svix-signature"), List.copyOf(headers.keySet()));
    }

    @Test
    void aPublicKeyCannotSignAndTheMessageDoesNotQuoteIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> signer.sign(BODY, Secret.of(SPEC_PUBLIC_KEY)));
        assertTrue(e.getMessage().contains("whsk_"), e.getMessage());
        assertFalse(e.getMessage().contains(SPEC_PUBLIC_KEY.substring(5)), e.getMessage());
    }

    @Test
    void aSecretThatIsNoKeyIsRefusedWithoutQuotingIt() {
        for (String bad : List.of("not base64!", "whsk_c2hvcnQ=", "whpk_%%%")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> signer.sign(BODY, Secret.of(bad)));
            assertTrue(e.getMessage().startsWith("the secret "), e.getMessage());
            assertFalse(e.getMessage().contains(bad), e.getMessage());
        }
    }
}
