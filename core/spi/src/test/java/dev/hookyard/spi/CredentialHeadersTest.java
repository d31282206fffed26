package dev.hookyard.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CredentialHeadersTest {

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "Proxy-Authorization", "X-Auth", "Cookie", "X-Api-Key", "Api-Key",
            "X-API_KEY", "x_api_key", "X-Client-Key", "Idempotency-Key", "X-Password", "X-Passwd", "X-Credential",
            "X-Client-Credentials", "X-Session", "X-Session-Id", "X-LEAST-Signature", "X-Hub-Signature-256",
            "X-Shopify-Hmac-Sha256", "X-Auth-Token", "X-Webhook-SECRET", "KEY"})
    void theBuiltInRuleMasks(String name) {
        assertTrue(CredentialHeaders.DEFAULT.isCredential(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Content-Type", "Content-Length", "User-Agent", "X-Request-Id", "Accept", "Host",
            "X-Forwarded-For", "Keep-Alive", "X-Ke-y", "", "X-Event-Type"})
    void theBuiltInRuleKeeps(String name) {
        assertFalse(CredentialHeaders.DEFAULT.isCredential(name), name);
    }

    @Test
    void addedPatternsMatchIgnoringCaseAndDashOrUnderscore() {
        CredentialHeaders rule = CredentialHeaders.DEFAULT.withPatterns(List.of("X-Tenant-*", "x_internal_ref",
                "*-sig", "a*b*c"));

        assertTrue(rule.isCredential("x-tenant-id"));
        assertTrue(rule.isCredential("X_TENANT_"));
        assertFalse(rule.isCredential("X-Tenant"), "the dash before * is part of the pattern");
        assertTrue(rule.isCredential("X-Internal-Ref"));
        assertFalse(rule.isCredential("X-Internal-Refs"), "a pattern without * is the whole name");
        assertTrue(rule.isCredential("X-Vendor-Sig"));
        assertFalse(rule.isCredential("X-Vendor-Sigs"));
        assertTrue(rule.isCredential("aXbYbZc"));
        assertFalse(rule.isCredential("aXbYcZ"));
        assertTrue(rule.isCredential("X-Api-Key"), "the built-in patterns still apply");
        assertFalse(CredentialHeaders.DEFAULT.isCredential("X-Tenant-Id"), "the default rule is unchanged");
        assertEquals(List.of("*auth*", "*cookie*", "*credential*", "*hmac*", "*key*", "*passwd*", "*password*",
                "*secret*", "*session*", "*signature*", "*token*", "x-tenant-*", "x-internal-ref", "*-sig", "a*b*c"),
                rule.patterns());
        assertEquals(rule, CredentialHeaders.DEFAULT.withPatterns(List.of("x-tenant-*", "X-INTERNAL-REF", "*-SIG",
                "A*B*C", "*KEY*")), "the same patterns, however written, are the same rule");
    }

    @Test
    void maskingKeepsNamesOrderAndTheNumberOfValues() {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        sent.put("Content-Type", List.of("application/json"));
        sent.put("Cookie", List.of("a=1", "b=2"));
        sent.put("X-Api-Key", List.of("k"));
        Headers masked = CredentialHeaders.DEFAULT.mask(Headers.of(sent));

        assertEquals(List.of("Content-Type", "Cookie", "X-Api-Key"), masked.names());
        assertEquals(List.of("application/json"), masked.all("content-type"));
        assertEquals(List.of("****", "****"), masked.all("cookie"));
        assertEquals(List.of("****"), masked.all("x-api-key"));
        assertEquals(masked, CredentialHeaders.DEFAULT.mask(masked), "masking twice changes nothing");

        Headers plain = Headers.ofSingle(Map.of("Content-Type", "text/plain"));
        assertSame(plain, CredentialHeaders.DEFAULT.mask(plain), "nothing to mask: the same instance");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x tenant", "x-tenant:", "x/y", "caf\u00e9", "a\nb"})
    void somethingThatCannotBeAHeaderNameIsNotAPattern(String pattern) {
        assertFalse(CredentialHeaders.isValidPattern(pattern));
        assertThrows(IllegalArgumentException.class, () -> CredentialHeaders.DEFAULT.withPatterns(List.of(pattern)));
    }

    @Test
    void aHandlerContextWithoutARuleHasTheBuiltInOne() {
        HandlerContext context = new HandlerContext("h", Options.of(Map.of()), java.time.Clock.systemUTC(),
                System.getLogger("h"), java.nio.file.Path.of("/"));
        assertSame(CredentialHeaders.DEFAULT, context.credentialHeaders());
    }
}
