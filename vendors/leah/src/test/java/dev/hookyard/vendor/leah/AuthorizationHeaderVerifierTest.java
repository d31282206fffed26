package dev.hookyard.vendor.leah;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verification;
import dev.hookyard.spi.Verifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.hookyard.vendor.leah.LeahVendors.DOC_BASIC_HEADER;
import static dev.hookyard.vendor.leah.LeahVendors.DOC_BEARER_TOKEN;
import static dev.hookyard.vendor.leah.LeahVendors.DOC_EVENTS;
import static dev.hookyard.vendor.leah.LeahVendors.DOC_USER_PASSWORD;
import static dev.hookyard.vendor.leah.LeahVendors.authorized;
import static dev.hookyard.vendor.leah.LeahVendors.delivery;
import static dev.hookyard.vendor.leah.LeahVendors.docBody;
import static dev.hookyard.vendor.leah.LeahVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class AuthorizationHeaderVerifierTest {

    private static final Verification BASIC = Verification.verified("Authorization Basic");
    private static final Verification BEARER = Verification.verified("Authorization Bearer");

    private final Verifier either = vendor(DOC_USER_PASSWORD, DOC_BEARER_TOKEN).verifier();
    private final Verifier basicOnly = vendor(Map.of("scheme", "basic"), DOC_USER_PASSWORD).verifier();
    private final Verifier bearerOnly = vendor(Map.of("scheme", "bearer"), DOC_BEARER_TOKEN).verifier();

    static String basic(String userPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
    }

    static void assertRejected(RejectionReason reason, Verification result) {
        Verification.Rejected rejected = assertInstanceOf(Verification.Rejected.class, result);
        assertEquals(reason, rejected.reason(), rejected.detail());
    }

    @Test
    void theDocsSampleRequestsVerifyWithTheDocsCredentials() {
        assertEquals(DOC_USER_PASSWORD, new String(Base64.getDecoder().decode("bXlfdXNlcjpteV9wYXNz"),
                StandardCharsets.UTF_8));
        for (String event : DOC_EVENTS) {
            // The headers of leah.txt's sample requests, as sent (Content-Length left out: the doc's values are wrong).
            Map<String, List<String>> headers = new LinkedHashMap<>();
            headers.put("Host", List.of("example.com"));
            headers.put("User-Agent", List.of("axios/1.6.2"));
            headers.put("Accept", List.of("application/json, text/plain, */*"));
            headers.put("Accept-Encoding", List.of("gzip, compress, deflate, br"));
            headers.put("Authorization", List.of(DOC_BASIC_HEADER));
            headers.put("Content-Type", List.of("application/json"));
            headers.put("X-Forwarded-For", List.of("0.0.0.0"));
            headers.put("X-Forwarded-Host", List.of("example.com"));
            headers.put("X-Forwarded-Proto", List.of("https"));
            Delivery sample = delivery(docBody(event), headers);
            assertEquals(BASIC, either.verify(sample), event);
            assertEquals(BASIC, basicOnly.verify(sample), event);
            assertRejected(RejectionReason.UNSUPPORTED_SCHEME, bearerOnly.verify(sample));
        }
    }

    @Test
    void theDocsSampleServerTokenVerifiesAsBearer() {
        assertEquals(BEARER, either.verify(authorized("Bearer " + DOC_BEARER_TOKEN)));
        assertEquals(BEARER, bearerOnly.verify(authorized("Bearer " + DOC_BEARER_TOKEN)));
        assertRejected(RejectionReason.UNSUPPORTED_SCHEME, basicOnly.verify(authorized("Bearer " + DOC_BEARER_TOKEN)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"authorization", "AUTHORIZATION", "AuThOrIzAtIoN"})
    void headerNameIsMatchedInAnyCase(String name) {
        assertEquals(BASIC, either.verify(delivery("{}", name, DOC_BASIC_HEADER)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"basic", "BASIC", "bAsIc"})
    void basicSchemeNameInAnyCase(String scheme) {
        assertEquals(BASIC, either.verify(authorized(scheme + " bXlfdXNlcjpteV9wYXNz")));
        assertEquals(BASIC, basicOnly.verify(authorized(scheme + " bXlfdXNlcjpteV9wYXNz")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bearer", "BEARER", "BeArEr"})
    void bearerSchemeNameInAnyCase(String scheme) {
        assertEquals(BEARER, either.verify(authorized(scheme + " " + DOC_BEARER_TOKEN)));
        assertEquals(BEARER, bearerOnly.verify(authorized(scheme + " " + DOC_BEARER_TOKEN)));
    }

    @Test
    void schemeNamesFoldAsciiCaseOnly() {
        // Dotless i upper-cases to I, so String.equalsIgnoreCase would take these for Basic and Bearer.
        assertRejected(RejectionReason.MALFORMED, either.verify(authorized("Bas\u0131c bXlfdXNlcjpteV9wYXNz")));
        assertRejected(RejectionReason.MALFORMED, either.verify(authorized("B\u0435arer " + DOC_BEARER_TOKEN)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"  Basic bXlfdXNlcjpteV9wYXNz", "Basic bXlfdXNlcjpteV9wYXNz \t",
            "Basic   bXlfdXNlcjpteV9wYXNz"})
    void surroundingWhitespaceAndSeveralSpacesAfterTheSchemeAreAccepted(String value) {
        assertEquals(BASIC, either.verify(authorized(value)));
    }

    @Test
    void aPasswordContainingColonsSplitsOnTheFirstColonAndIsComparedWhole() {
        Vendor vendor = vendor(Map.of("scheme", "basic"), "hookyard:pa:ss:word");
        assertEquals(BASIC, vendor.verifier().verify(authorized(basic("hookyard:pa:ss:word"))));
        assertRejected(RejectionReason.MISMATCH, vendor.verifier().verify(authorized(basic("hookyard:pa:ss"))));
        assertRejected(RejectionReason.MISMATCH, vendor.verifier().verify(authorized(basic("hookyard:pa"))));
        assertRejected(RejectionReason.MISMATCH, vendor.verifier().verify(authorized(basic("hookyard:pa:ss:wordx"))));
        assertRejected(RejectionReason.MISMATCH, vendor.verifier().verify(authorized(basic("hookyard:pa:ss:"))));
    }

    @Test
    void userAndPasswordMustBothMatch() {
        assertRejected(RejectionReason.MISMATCH, basicOnly.verify(authorized(basic("my_user:wrong"))));
        assertRejected(RejectionReason.MISMATCH, basicOnly.verify(authorized(basic("other:my_pass"))));
        assertRejected(RejectionReason.MISMATCH, basicOnly.verify(authorized(basic("MY_USER:my_pass"))));
        assertRejected(RejectionReason.MISMATCH, basicOnly.verify(authorized(basic("my_pass:my_user"))));
    }

    @Test
    void nonAsciiCredentialsAreUtf8() {
        Vendor vendor = vendor("jos\u00e9:contrase\u00f1a:\u00fc");
        assertEquals(BASIC, vendor.verifier().verify(authorized(basic("jos\u00e9:contrase\u00f1a:\u00fc"))));
        String latin1 = "Basic " + Base64.getEncoder().encodeToString(
                "jos\u00e9:contrase\u00f1a:\u00fc".getBytes(StandardCharsets.ISO_8859_1));
        assertRejected(RejectionReason.MALFORMED, vendor.verifier().verify(authorized(latin1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic", "Basic ", "basic    ", "Bearer", "Bearer ", "BEARER \t"})
    void aSchemeWithoutCredentialsIsMalformedNotAnError(String value) {
        assertRejected(RejectionReason.MALFORMED, either.verify(authorized(value)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Basic !!!",                        // not base64 at all
            "Basic bXlfdXNlcjpteV9wYXNz=",      // stray padding
            "Basic bXlfdXNlcjpteV9wYXN",        // truncated
            "Basic bXlfdXNlcjpteV9wYXNzeA",     // padding left out
            "Basic bXlfdXNlcjpteV9wYXNzeB==",   // non-zero unused bits: not the canonical form
            "Basic bXlf dXNlcjpteV9wYXNz",      // space inside
            "Basic bXlfdXNlcjpteV9wYXNz\u0000", // NUL
            "Basic bXlfdXNlcl9teV9wYXNz",       // my_user_my_pass: no ':' after decoding
            "Basic /w==",                       // 0xFF: not UTF-8
            "Basic bXlfdXNlcjpt-V9wYXNz",       // base64url alphabet
            "Basic\tbXlfdXNlcjpteV9wYXNz",      // tab, not space, after the scheme
            "=Basic bXlfdXNlcjpteV9wYXNz",      // not a token
            "Basic:bXlfdXNlcjpteV9wYXNz"})
    void badBasicCredentialsAreMalformed(String value) {
        assertRejected(RejectionReason.MALFORMED, either.verify(authorized(value)));
        assertRejected(RejectionReason.MALFORMED, basicOnly.verify(authorized(value)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Digest username=\"my_user\"", "Token " + DOC_BEARER_TOKEN, "Bearerx abc",
            DOC_BEARER_TOKEN, "bXlfdXNlcjpteV9wYXNz", "Negotiate", "AWS4-HMAC-SHA256 Credential=x"})
    void otherSchemesAreUnsupported(String value) {
        assertRejected(RejectionReason.UNSUPPORTED_SCHEME, either.verify(authorized(value)));
        assertRejected(RejectionReason.UNSUPPORTED_SCHEME, basicOnly.verify(authorized(value)));
        assertRejected(RejectionReason.UNSUPPORTED_SCHEME, bearerOnly.verify(authorized(value)));
    }

    @Test
    void basicOnABearerOnlyEndpointIsUnsupportedEvenWhenTheSecretWouldMatch() {
        Vendor bearer = vendor(Map.of("scheme", "bearer"), DOC_USER_PASSWORD);
        assertRejected(RejectionReason.UNSUPPORTED_SCHEME, bearer.verifier().verify(authorized(DOC_BASIC_HEADER)));
        assertEquals(BEARER, bearer.verifier().verify(authorized("Bearer " + DOC_USER_PASSWORD)));
    }

    @Test
    void onEitherBasicMatchesOnlyUserPasswordSecretsAndBearerMatchesAny() {
        Vendor tokensOnly = vendor("my_usermy_pass", DOC_BEARER_TOKEN);
        assertRejected(RejectionReason.MISMATCH, tokensOnly.verifier().verify(authorized(DOC_BASIC_HEADER)));
        // A token that happens to look like user:password is still a token for Bearer.
        assertEquals(BEARER, either.verify(authorized("Bearer " + DOC_USER_PASSWORD)));
        // Basic of a token's value (here 'qhDm...' has no ':') cannot be made; a user:password of it does not match.
        assertRejected(RejectionReason.MISMATCH, either.verify(authorized(basic(DOC_BEARER_TOKEN + ":"))));
    }

    @Test
    void wrongTokenIsMismatch() {
        assertRejected(RejectionReason.MISMATCH, either.verify(authorized("Bearer qhDm976TwG2sBZcftRLubf")));
        assertRejected(RejectionReason.MISMATCH, either.verify(authorized("Bearer " + DOC_BEARER_TOKEN + "x")));
        assertRejected(RejectionReason.MISMATCH, either.verify(authorized("Bearer "
                + DOC_BEARER_TOKEN.toLowerCase(Locale.ROOT))));
    }

    @Test
    void absentHeaderIsMissing() {
        assertRejected(RejectionReason.MISSING, either.verify(delivery("{}", Map.of())));
        assertRejected(RejectionReason.MISSING, either.verify(delivery("{}", "Proxy-Authorization", DOC_BASIC_HEADER)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", " \t "})
    void emptyHeaderIsMissing(String value) {
        assertRejected(RejectionReason.MISSING, either.verify(authorized(value)));
    }

    @Test
    void theHeaderTwiceIsAmbiguousEvenIfBothMatch() {
        assertRejected(RejectionReason.AMBIGUOUS, either.verify(delivery("{}",
                Map.of("Authorization", List.of(DOC_BASIC_HEADER, DOC_BASIC_HEADER)))));
        Map<String, List<String>> twoSpellings = new LinkedHashMap<>();
        twoSpellings.put("Authorization", List.of(DOC_BASIC_HEADER));
        twoSpellings.put("authorization", List.of("Bearer " + DOC_BEARER_TOKEN));
        assertRejected(RejectionReason.AMBIGUOUS, either.verify(delivery("{}", twoSpellings)));
    }

    @Test
    void emptyKeyringIsNoActiveSecret() {
        for (Map<String, String> options : List.of(Map.<String, String>of(), Map.of("scheme", "basic"),
                Map.of("scheme", "bearer"))) {
            Verifier empty = vendor(options).verifier();
            assertRejected(RejectionReason.NO_ACTIVE_SECRET, empty.verify(authorized(DOC_BASIC_HEADER)));
            assertRejected(RejectionReason.NO_ACTIVE_SECRET, empty.verify(delivery("{}", Map.of())));
        }
    }

    @Test
    void anOverlongHeaderIsMalformedBeforeAnyDecoding() {
        assertRejected(RejectionReason.MALFORMED, either.verify(authorized("Basic " + "QUFB".repeat(3000))));
        assertRejected(RejectionReason.MALFORMED, either.verify(authorized("Bearer " + "a".repeat(9000))));
    }

    @Test
    void rotationAcceptsEveryActiveCredentialAndStopsAcceptingARetiredOne() {
        Vendor rotating = vendor(Map.of("scheme", "basic"), "hookyard:new-pass", "hookyard:old-pass");
        Vendor retired = vendor(Map.of("scheme", "basic"), "hookyard:new-pass");
        assertEquals(BASIC, rotating.verifier().verify(authorized(basic("hookyard:old-pass"))));
        assertEquals(BASIC, rotating.verifier().verify(authorized(basic("hookyard:new-pass"))));
        assertEquals(BASIC, retired.verifier().verify(authorized(basic("hookyard:new-pass"))));
        assertRejected(RejectionReason.MISMATCH, retired.verifier().verify(authorized(basic("hookyard:old-pass"))));

        Vendor tokens = vendor(Map.of("scheme", "bearer"), "token-new", "token-old");
        assertEquals(BEARER, tokens.verifier().verify(authorized("Bearer token-old")));
        assertEquals(BEARER, tokens.verifier().verify(authorized("Bearer token-new")));
        assertRejected(RejectionReason.MISMATCH, vendor(Map.of("scheme", "bearer"), "token-new").verifier()
                .verify(authorized("Bearer token-old")));
    }

    @Test
    void theCredentialCoversNothingOfTheBody() {
        // Leah's credential is static: any body with it verifies. Documented; HTTPS is what protects the body.
        assertEquals(BASIC, either.verify(delivery("anything at all", "Authorization", DOC_BASIC_HEADER)));
    }

    @Test
    void rejectionDetailsNeverContainACredentialOrTheSecret() {
        List<String> values = List.of("", "Basic", DOC_BASIC_HEADER, basic("my_user:wrong-password"),
                "Basic bXlfdXNlcl9teV9wYXNz", "Bearer " + DOC_BEARER_TOKEN, "Bearer wrong-token-value",
                "Digest my_user", "x".repeat(10_000));
        Verifier[] verifiers = {either, basicOnly, bearerOnly, vendor(Map.of("scheme", "basic"),
                "my_user:other").verifier()};
        for (Verifier verifier : verifiers) {
            for (String value : values) {
                Verification result = verifier.verify(authorized(value));
                if (result instanceof Verification.Rejected rejected) {
                    String detail = rejected.detail();
                    assertFalse(detail.isBlank());
                    for (String secret : List.of("my_user", "my_pass", "bXlfdXNlcjpteV9wYXNz", DOC_BEARER_TOKEN,
                            "wrong-password", "wrong-token-value", "xxxx")) {
                        assertFalse(detail.contains(secret), detail);
                    }
                }
            }
        }
    }

    @Test
    void neverThrowsOnGarbage() {
        List<String> nasty = new ArrayList<>(List.of("", " ", "\u0000", "\r\n", "Basic \r\n", "Basic ====", "Basic =",
                "Basic A", "Basic AA", "Basic AAA", "Basic AAAA", "Basic AA==", "Basic ::::", "Basic \uD800",
                "Basic \uFFFF\uFFFE", "Bearer \uD800", "Bearer \u0000", "\uD83D\uDE42".repeat(100), "Basic %00",
                "Basic " + "A".repeat(100_000), "Bearer " + "A".repeat(100_000), " ".repeat(100_000), "null",
                "Basic null", "Basic " + Base64.getEncoder().encodeToString(new byte[] {':', (byte) 0xC3, 0x28}),
                "Basic " + Base64.getEncoder().encodeToString(":".getBytes(StandardCharsets.UTF_8)),
                "Basic " + Base64.getEncoder().encodeToString(new byte[0]), "Basic,Bearer x"));
        Verifier[] verifiers = {either, basicOnly, bearerOnly, vendor().verifier()};
        for (Verifier verifier : verifiers) {
            for (String value : nasty) {
                for (String body : List.of("{}", "", "\u0000\u00ff")) {
                    Verification result = verifier.verify(delivery(body, "Authorization", value));
                    assertNotNull(result);
                    assertInstanceOf(Verification.Rejected.class, result, value);
                }
            }
        }
    }
}
