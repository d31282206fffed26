package dev.hookyard.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.EventType;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.OptionSpec;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.VendorFactory;
import dev.hookyard.spi.Verification;
import dev.hookyard.spi.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite every vendor module runs, a third party's too: extend this class, return the factory from
 * {@link #factory()}, and JUnit runs every check below against it. It knows nothing of the vendor beyond the SPI:
 * it signs each catalog sample with the vendor's own {@link dev.hookyard.spi.Signer}, then checks that genuine
 * deliveries verify and parse to their declared types, and that every kind of tampering is rejected with the status
 * the host would answer (401 for a failed verification, 400 for a malformed body), never with an exception.
 *
 * <pre>{@code
 * class AcmeConformanceTest extends VendorConformanceSuite {
 *     protected VendorFactory factory() { return new AcmeVendorFactory(); }
 * }
 * }</pre>
 *
 * <p>Vendors that authenticate with a static credential instead of a MAC of the body cannot notice a changed body;
 * such a vendor's suite overrides {@link #authenticatesTheBody()} to say so, and the body-tampering check then
 * asserts only that nothing throws and the answer is 200 or 400. It is an explicit declaration rather than
 * something the suite infers, because a MAC vendor whose signer wrongly ignored the body would look the same.
 *
 * <p>Likewise, a platform may send headers beside its signature that the signature does not cover (GitHub's
 * {@code X-GitHub-Event} and {@code X-GitHub-Delivery}); a vendor's suite names them in {@link #unsignedHeaders()}.
 * The header-tampering checks then skip them, and instead check that changing or removing them never makes a genuine
 * delivery fail verification and never makes the parser throw.
 */
public abstract class VendorConformanceSuite {

    /** Longer than any real signature or credential header; a verifier must reject it without failing. */
    private static final int OVERSIZED_HEADER_CHARS = 64 * 1024;

    /** The vendor module under test. */
    protected abstract VendorFactory factory();

    /** Endpoint options for the vendor under test (plain values, as read from YAML); none by default. */
    protected Map<String, Object> options() {
        return Map.of();
    }

    /** Two different secrets, valid in form for this vendor; used for signing, rotation and wrong-secret checks. */
    protected List<String> secrets() {
        return List.of("conformance-secret-one", "conformance-secret-two");
    }

    /**
     * Whether the vendor's authentication covers the body (a MAC), as every vendor's should unless the platform
     * only sends a static credential. Override to return {@code false} only for such a platform.
     */
    protected boolean authenticatesTheBody() {
        return true;
    }

    /**
     * Headers the vendor's signer sends that its signature does not cover, by name (in any case): the platform sends
     * them, but nobody can tell a changed one from the original. None by default; override only for such a platform.
     */
    protected Set<String> unsignedHeaders() {
        return Set.of();
    }

    /** The status the host answers for a delivery: 401 unverified, 400 malformed, 200 accepted. */
    protected enum Status { OK, UNAUTHORIZED, BAD_REQUEST }

    // ---- the checks -----------------------------------------------------------------------------------------------

    @Test
    void factoryDescribesItself() {
        VendorFactory factory = factory();
        assertTrue(factory.id().matches("[a-z0-9][a-z0-9-]*"),
                "vendor id must be lower-case letters, digits and '-': " + factory.id());
        assertFalse(factory.description().isBlank(), "description must not be blank");
        List<String> names = factory.options().stream().map(OptionSpec::name).toList();
        assertEquals(names.size(), names.stream().distinct().count(), "option names must be unique: " + names);
        assertFalse(vendor(keyringOf(0)).catalog().types().isEmpty(), "the catalog must list the event types");
    }

    @TestFactory
    Stream<DynamicTest> everySampleSignedVerifiesAndParsesToItsDeclaredType() {
        Vendor vendor = vendor(keyringOf(0));
        return samples(vendor).map(type -> dynamicTest(type.name(), () -> {
            Delivery delivery = signed(vendor, 0).sample(type);
            assertEquals(Status.OK, statusOf(vendor, delivery), "a genuine sample of " + type.name());
            WebhookEvent event = parsed(vendor, delivery);
            assertInstanceOf(type.eventClass(), event, "event class of " + type.name());
            assertEquals(type.name(), event.type(), "event type");
            assertEquals(factory().id(), event.vendor(), "event vendor");
            assertFalse(event.deliveryKey().isBlank(), "delivery key");
            assertEquals(delivery, event.delivery(), "the event keeps its delivery");
            WebhookEvent again = parsed(vendor, delivery);
            assertEquals(event.deliveryKey(), again.deliveryKey(), "parsing must be deterministic");
            assertEquals(event.type(), again.type(), "parsing must be deterministic");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everySingleByteChangeToTheBodyIsRejected() {
        Vendor vendor = vendor(keyringOf(0));
        boolean bodyBound = authenticatesTheBody();
        return samples(vendor).map(type -> dynamicTest(type.name() + (bodyBound ? "" : " (credential only)"), () -> {
            Delivery genuine = signed(vendor, 0).sample(type);
            byte[] body = genuine.body();
            int checked = 0;
            for (byte[] changed : singleByteChanges(body)) {
                Delivery tampered = new Delivery(genuine.endpoint(), genuine.headers(), changed, genuine.receivedAt());
                Status status = statusOf(vendor, tampered);
                if (bodyBound) {
                    assertEquals(Status.UNAUTHORIZED, status, () -> "a changed body verified: "
                            + describe(body, changed));
                } else {
                    assertNotEquals(Status.UNAUTHORIZED, status, "a genuine credential must still verify");
                }
                checked++;
            }
            assertTrue(checked >= body.length, "every byte position was changed");
        }));
    }

    @Test
    void theSignatureDependsOnTheBodyExactlyWhenTheVendorAuthenticatesTheBody() {
        Vendor vendor = vendor(keyringOf(0));
        Secret secret = Secret.of(secrets().get(0));
        boolean differs = !vendor.signer().sign("{\"a\":1}".getBytes(StandardCharsets.UTF_8), secret)
                .equals(vendor.signer().sign("{\"a\":2}".getBytes(StandardCharsets.UTF_8), secret));
        assertEquals(authenticatesTheBody(), differs, authenticatesTheBody()
                ? "the signer produced the same headers for two different bodies"
                : "the vendor says it sends a static credential, but its headers depend on the body");
    }

    @TestFactory
    Stream<DynamicTest> aChangedSignatureIsRejected() {
        Vendor vendor = vendor(keyringOf(0));
        Delivery genuine = signed(vendor, 0).sample(firstType(vendor));
        return signedHeaderNames(genuine).stream().map(name -> dynamicTest(name, () -> {
            String value = genuine.headers().first(name).orElseThrow();
            for (int i = 0; i < value.length(); i++) {
                String changed = value.substring(0, i) + other(value.charAt(i)) + value.substring(i + 1);
                Delivery tampered = withHeader(genuine, name, changed);
                assertEquals(Status.UNAUTHORIZED, statusOf(vendor, tampered),
                        "changing character " + i + " of " + name + " must be rejected");
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> aTruncatedSignatureIsRejected() {
        Vendor vendor = vendor(keyringOf(0));
        Delivery genuine = signed(vendor, 0).sample(firstType(vendor));
        return signedHeaderNames(genuine).stream().map(name -> dynamicTest(name, () -> {
            // Base64 padding is optional in some vendors' specs (LeafLink): cutting only the '=' is no truncation.
            String value = genuine.headers().first(name).orElseThrow().replaceFirst("=+$", "");
            for (int length : new int[] {value.length() - 1, value.length() / 2, 1}) {
                assertEquals(Status.UNAUTHORIZED,
                        statusOf(vendor, withHeader(genuine, name, value.substring(0, Math.max(0, length)))),
                        name + " cut to " + length + " characters must be rejected");
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> aMissingOrEmptyHeaderIsRejected() {
        Vendor vendor = vendor(keyringOf(0));
        Delivery genuine = signed(vendor, 0).sample(firstType(vendor));
        return signedHeaderNames(genuine).stream().flatMap(name -> Stream.of(
                dynamicTest(name + " missing", () -> assertEquals(Status.UNAUTHORIZED,
                        statusOf(vendor, withoutHeader(genuine, name)), name + " removed")),
                dynamicTest(name + " empty", () -> assertEquals(Status.UNAUTHORIZED,
                        statusOf(vendor, withHeader(genuine, name, "")), name + " empty")),
                dynamicTest(name + " blank", () -> assertEquals(Status.UNAUTHORIZED,
                        statusOf(vendor, withHeader(genuine, name, "   ")), name + " blank"))));
    }

    @TestFactory
    Stream<DynamicTest> anOversizedHeaderValueIsRejected() {
        Vendor vendor = vendor(keyringOf(0));
        Delivery genuine = signed(vendor, 0).sample(firstType(vendor));
        return signedHeaderNames(genuine).stream().map(name -> dynamicTest(name, () -> {
            String value = genuine.headers().first(name).orElseThrow();
            String huge = value + "0".repeat(OVERSIZED_HEADER_CHARS);
            assertEquals(Status.UNAUTHORIZED, statusOf(vendor, withHeader(genuine, name, huge)));
            assertEquals(Status.UNAUTHORIZED, statusOf(vendor, withHeader(genuine, name, "x".repeat(
                    OVERSIZED_HEADER_CHARS))));
        }));
    }

    @TestFactory
    Stream<DynamicTest> anUnsignedHeaderNeverDecidesVerification() {
        Vendor vendor = vendor(keyringOf(0));
        Delivery genuine = signed(vendor, 0).sample(firstType(vendor));
        assertFalse(signedHeaderNames(genuine).isEmpty(), "every header the signer sends is declared unsigned: "
                + genuine.headers().names());
        return unsignedHeaders().stream().map(declared -> dynamicTest(declared, () -> {
            String value = genuine.headers().first(declared).orElseThrow(() -> new AssertionError(
                    "unsignedHeaders() names " + declared + ", which the signer does not send"));
            List<Delivery> changed = new ArrayList<>(List.of(withoutHeader(genuine, declared),
                    withHeader(genuine, declared, ""), withHeader(genuine, declared, "   "),
                    withHeader(genuine, declared, value + "0".repeat(OVERSIZED_HEADER_CHARS))));
            for (int i = 0; i < value.length(); i++) {
                changed.add(withHeader(genuine, declared, value.substring(0, i) + other(value.charAt(i))
                        + value.substring(i + 1)));
                changed.add(withHeader(genuine, declared, value.substring(0, i)));
            }
            for (Delivery delivery : changed) {
                // statusOf fails the test should the parser throw on the changed header.
                assertNotEquals(Status.UNAUTHORIZED, statusOf(vendor, delivery), () -> declared + " is declared"
                        + " unsigned, yet changing it to '" + delivery.headers().first(declared).orElse("(none)")
                        + "' made a genuine delivery fail verification");
            }
        }));
    }

    @Test
    void noHeadersAtAllIsRejected() {
        Vendor vendor = vendor(keyringOf(0));
        Delivery genuine = signed(vendor, 0).sample(firstType(vendor));
        Delivery bare = new Delivery(genuine.endpoint(), Headers.empty(), genuine.body(), genuine.receivedAt());
        assertEquals(Status.UNAUTHORIZED, statusOf(vendor, bare));
    }

    @Test
    void aWrongSecretIsRejected() {
        Vendor vendor = vendor(keyringOf(0));
        for (EventType type : vendor.catalog().types()) {
            assertEquals(Status.UNAUTHORIZED, statusOf(vendor, signed(vendor, 1).sample(type)),
                    type.name() + " signed with a secret the endpoint does not have");
        }
    }

    @Test
    void anEndpointWithoutSecretsVerifiesNothing() {
        Vendor signer = vendor(keyringOf(0));
        Vendor empty;
        try {
            empty = vendor(new Keyring(List.of()));
        } catch (RuntimeException refused) {
            return; // refusing to build an endpoint with no secret is just as safe
        }
        assertEquals(Status.UNAUTHORIZED, statusOf(empty, signed(signer, 0).sample(firstType(signer))));
    }

    @TestFactory
    Stream<DynamicTest> aSignedBodyThatIsNotTheVendorsEnvelopeIsABadRequest() {
        Vendor vendor = vendor(keyringOf(0));
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("not JSON", "this is not json");
        bodies.put("empty", "");
        bodies.put("truncated JSON", "{\"a\":");
        bodies.put("JSON array", "[1,2,3]");
        bodies.put("JSON string", "\"hello\"");
        bodies.put("JSON null", "null");
        bodies.put("empty object", "{}");
        bodies.put("invalid UTF-8", new String(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'},
                StandardCharsets.ISO_8859_1));
        return bodies.entrySet().stream().map(e -> dynamicTest(e.getKey(), () -> {
            byte[] body = e.getKey().equals("invalid UTF-8") ? e.getValue().getBytes(StandardCharsets.ISO_8859_1)
                    : e.getValue().getBytes(StandardCharsets.UTF_8);
            assertEquals(Status.BAD_REQUEST, statusOf(vendor, signed(vendor, 0).body(body)),
                    "a correctly signed '" + e.getKey() + "' body");
        }));
    }

    /**
     * A body whose object repeats a key is malformed, even when genuinely signed: JSON readers disagree about which
     * of the values counts (most keep the last, some the first), so the vendor could type an event as one thing and
     * a handler reading the raw body take it for another. Each top-level member of each sample is sent twice.
     */
    @TestFactory
    Stream<DynamicTest> aSignedBodyThatRepeatsAKeyIsABadRequest() {
        Vendor vendor = vendor(keyringOf(0));
        return samples(vendor).map(type -> dynamicTest(type.name(), () -> {
            String sample = type.sampleBody();
            List<String> members = TopLevelMembers.of(sample);
            assumeFalse(members.isEmpty(), "the sample is not a JSON object with members");
            String rest = sample.substring(sample.indexOf('{') + 1);
            for (String member : members) {
                String repeated = "{" + member + "," + rest;
                assertEquals(Status.BAD_REQUEST, statusOf(vendor, signed(vendor, 0).body(repeated)),
                        () -> "a correctly signed body with a key given twice: " + repeated);
            }
        }));
    }

    @Test
    void eitherOfTwoActiveSecretsVerifiesAndARemovedOneNoLonger() {
        Vendor both = vendor(keyringOf(0, 1));
        Vendor secondOnly = vendor(keyringOf(1));
        Vendor signing = vendor(keyringOf(0));
        EventType type = firstType(signing);
        Delivery withFirst = signed(signing, 0).sample(type);
        Delivery withSecond = signed(signing, 1).sample(type);
        assertEquals(Status.OK, statusOf(both, withFirst), "first secret of two");
        assertEquals(Status.OK, statusOf(both, withSecond), "second secret of two");
        assertEquals(Status.OK, statusOf(secondOnly, withSecond), "the remaining secret");
        assertEquals(Status.UNAUTHORIZED, statusOf(secondOnly, withFirst), "the removed secret");
    }

    @Test
    void garbageHeadersNeverThrow() {
        Vendor vendor = vendor(keyringOf(0));
        Delivery genuine = signed(vendor, 0).sample(firstType(vendor));
        List<String> garbage = List.of("", " ", "=", "sha256=", "sha256=zz", "Basic", "Bearer", "Basic !!!",
                "Bearer  ", "\u0000", "\uFFFF\uFFFE", "sha256=" + "f".repeat(63), "sha256=" + "f".repeat(65),
                "%%%%", "====", "t=1,v1=abc", "\u00e9\u00e8", "a:b:c");
        for (String name : genuine.headers().names()) {
            for (String value : garbage) {
                statusOf(vendor, withHeader(genuine, name, value)); // throws through the suite on failure
            }
        }
    }

    // ---- helpers available to subclasses ------------------------------------------------------------------------

    /** Builds the vendor under test for an endpoint with this keyring and {@link #options()}. */
    protected final Vendor vendor(Keyring keyring) {
        return factory().create(VendorContexts.of("conformance", keyring, options()));
    }

    /** The status the host would answer, failing the test if the verifier or the parser throws or returns null. */
    protected final Status statusOf(Vendor vendor, Delivery delivery) {
        Verification verification;
        try {
            verification = vendor.verifier().verify(delivery);
        } catch (RuntimeException e) {
            return fail("the verifier threw " + e + " for " + delivery, e);
        }
        if (verification == null) {
            return fail("the verifier returned null");
        }
        if (verification instanceof Verification.Rejected rejected) {
            String detail = rejected.detail();
            for (String secret : secrets()) {
                assertFalse(detail.contains(secret), "a rejection detail contains a secret");
            }
            return Status.UNAUTHORIZED;
        }
        ParseResult parsed;
        try {
            parsed = vendor.parser().parse(delivery);
        } catch (RuntimeException e) {
            return fail("the parser threw " + e + " for " + delivery, e);
        }
        if (parsed == null) {
            return fail("the parser returned null");
        }
        return parsed instanceof ParseResult.Parsed ? Status.OK : Status.BAD_REQUEST;
    }

    private WebhookEvent parsed(Vendor vendor, Delivery delivery) {
        ParseResult result = vendor.parser().parse(delivery);
        if (result instanceof ParseResult.Malformed malformed) {
            return fail("a genuine sample did not parse: " + malformed.reason());
        }
        return ((ParseResult.Parsed) result).event();
    }

    private SignedDeliveries signed(Vendor vendor, int secretIndex) {
        return SignedDeliveries.of(vendor, "conformance", Secret.of(secrets().get(secretIndex)),
                VendorContexts.FIXED_INSTANT);
    }

    private Keyring keyringOf(int... indexes) {
        List<String> chosen = new ArrayList<>();
        for (int index : indexes) {
            chosen.add(secrets().get(index));
        }
        return Keyring.of(chosen.toArray(String[]::new));
    }

    /** The headers of a delivery that the signature covers: all but {@link #unsignedHeaders()}. */
    private List<String> signedHeaderNames(Delivery delivery) {
        return delivery.headers().names().stream()
                .filter(name -> unsignedHeaders().stream().noneMatch(name::equalsIgnoreCase))
                .toList();
    }

    private static Stream<EventType> samples(Vendor vendor) {
        return vendor.catalog().types().stream();
    }

    private static EventType firstType(Vendor vendor) {
        return vendor.catalog().types().get(0);
    }

    /** Each byte replaced by several other values, each byte deleted, and one byte appended. */
    private static List<byte[]> singleByteChanges(byte[] body) {
        List<byte[]> changes = new ArrayList<>();
        for (int i = 0; i < body.length; i++) {
            for (int flip : new int[] {0x01, 0x20, 0x80, 0xFF}) {
                byte[] changed = body.clone();
                changed[i] = (byte) (changed[i] ^ flip);
                changes.add(changed);
            }
            byte[] deleted = new byte[body.length - 1];
            System.arraycopy(body, 0, deleted, 0, i);
            System.arraycopy(body, i + 1, deleted, i, body.length - i - 1);
            changes.add(deleted);
        }
        byte[] appended = java.util.Arrays.copyOf(body, body.length + 1);
        appended[body.length] = ' ';
        changes.add(appended);
        return changes;
    }

    /** A character that differs in value from {@code c}, whatever the case-folding the verifier does. */
    private static char other(char c) {
        return Character.isDigit(c) ? (c == '7' ? '2' : '7') : (Character.toLowerCase(c) == 'q' ? 'x' : 'q');
    }

    private static Delivery withHeader(Delivery delivery, String name, String value) {
        Map<String, List<String>> headers = new LinkedHashMap<>(delivery.headers().toMap());
        headers.put(name, List.of(value));
        return new Delivery(delivery.endpoint(), Headers.of(headers), delivery.body(), delivery.receivedAt());
    }

    private static Delivery withoutHeader(Delivery delivery, String name) {
        Map<String, List<String>> headers = delivery.headers().toMap().entrySet().stream()
                .filter(e -> !e.getKey().equalsIgnoreCase(name))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        return new Delivery(delivery.endpoint(), Headers.of(headers), delivery.body(), delivery.receivedAt());
    }

    private static String describe(byte[] original, byte[] changed) {
        return "original " + original.length + " bytes, changed " + changed.length + " bytes: "
                + new String(changed, StandardCharsets.UTF_8);
    }
}
