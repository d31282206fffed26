package dev.hookyard.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.EventType;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.Verification;
import dev.hookyard.testkit.VendorContexts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The two fuzz targets every vendor has, written once: {@link #arbitrary} (headers and body made from the fuzzer's
 * bytes) and {@link #mutatedSample} (a genuinely signed catalog sample, then changed). Each vendor's target classes
 * call these with that vendor's endpoints.
 */
final class DeliveryFuzzing {

    /** Every header name any vendor reads, plus look-alikes, so the fuzzer reaches past "header missing". */
    static final List<String> HEADER_NAMES = List.of(
            "X-LEAST-Signature", "X-WF-Signature", "absorb-signature", "X-Absorb-Signature", "Authorization",
            "LL-Signature", "Falkor-Webhook-Signature", "ByteKast-Webhook-Signature", "TrainiApp-Webhook-Signature",
            "-Webhook-Signature", "A.b-Webhook-Signature", "X-Webhook-Signature", "Signature", "Content-Type",
            "Proxy-Authorization",
            // appended, so that the committed seeds keep picking the names they picked
            "X-Hub-Signature-256", "X-Hub-Signature", "X-GitHub-Event", "X-GitHub-Delivery", "X-Signature",
            "X-Orders-Signature", "X-Orders-Timestamp", "X-Orders-Event", "X-Orders-Id", "X-Legacy-Signature");

    /** How far {@link Mutation#SIGN_AT_ANOTHER_TIME} moves the signer's clock: well past every tolerance. */
    private static final int MAX_SHIFT_SECONDS = 900;

    /** {@link #headerNames} of each endpoint list, worked out once. */
    private static final Map<List<FuzzEndpoint>, List<String>> NAMES = new ConcurrentHashMap<>();

    /** {@code -Dhookyard.fuzz.trace=true} prints what each input decoded to (to check hand-written seeds). */
    private static final boolean TRACE = Boolean.getBoolean("hookyard.fuzz.trace");

    private DeliveryFuzzing() {
    }

    // ---- target 1: arbitrary headers and body -----------------------------------------------------------------------

    /**
     * Headers (names from {@link #HEADER_NAMES} in any case, or arbitrary) with values shaped like each vendor's
     * (prefix, hex, base64, scheme) or arbitrary, and arbitrary body bytes. Checks the {@link DeliveryChecks}
     * invariants; a Verified answer is possible only if a header carries the body's real MAC.
     */
    static void arbitrary(List<FuzzEndpoint> endpoints, List<Vendor> vendors, FuzzedDataProvider data) {
        List<String> names = headerNames(endpoints);
        int which = data.consumeInt(0, endpoints.size() - 1);
        FuzzEndpoint endpoint = endpoints.get(which);
        Vendor vendor = vendors.get(which);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int count = data.consumeInt(0, 5);
        for (int i = 0; i < count; i++) {
            String name = data.consumeBoolean() ? recase(data, data.pickValue(names))
                    : data.consumeString(40);
            if (name.isEmpty()) {
                continue;
            }
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(headerValue(data));
        }
        byte[] body = data.consumeRemainingAsBytes();
        Delivery delivery = new Delivery("fuzz-" + endpoint.label(), Headers.of(headers), body,
                VendorContexts.FIXED_INSTANT);
        Verification verification = DeliveryChecks.verify(endpoint, vendor, delivery);
        ParseResult parsed = DeliveryChecks.parse(endpoint, vendor, delivery);
        trace(endpoint, delivery, "", verification, parsed);
    }

    /**
     * The header names {@link #arbitrary} picks from for these endpoints: {@link #HEADER_NAMES}, then any header their
     * signers send that it lacks (the three of Standard Webhooks, Stripe's), appended so that the inputs of the
     * vendors {@link #HEADER_NAMES} already covers keep their meaning.
     */
    static List<String> headerNames(List<FuzzEndpoint> endpoints) {
        return NAMES.computeIfAbsent(endpoints, list -> {
            List<String> names = new ArrayList<>(HEADER_NAMES);
            for (FuzzEndpoint endpoint : list) {
                Vendor vendor = endpoint.vendor();
                byte[] sample = vendor.catalog().types().get(0).sampleBody().getBytes(StandardCharsets.UTF_8);
                for (String name : vendor.signer().sign(sample, Secret.of(endpoint.active().get(0))).keySet()) {
                    if (names.stream().noneMatch(name::equalsIgnoreCase)) {
                        names.add(name);
                    }
                }
            }
            return List.copyOf(names);
        });
    }

    private static String headerValue(FuzzedDataProvider data) {
        // Cases are only ever appended, so that the committed seeds keep choosing the shapes they chose.
        switch (data.consumeInt(0, 10)) {
            case 0:
                return "sha256=" + HexFormat.of().formatHex(data.consumeBytes(32));
            case 1:
                return HexFormat.of().formatHex(data.consumeBytes(32));
            case 2:
                return Base64.getEncoder().encodeToString(data.consumeBytes(32));
            case 3:
                return Base64.getUrlEncoder().withoutPadding().encodeToString(data.consumeBytes(32));
            case 4:
                return "Basic " + Base64.getEncoder().encodeToString(
                        data.consumeString(60).getBytes(StandardCharsets.UTF_8));
            case 5:
                return (data.consumeBoolean() ? "Bearer " : "sha256=") + data.consumeString(80);
            case 6:
                return data.consumeString(8) + data.consumeString(100);
            case 7:
                return data.consumeString(300);
            case 8:
                return "sha1=" + HexFormat.of().formatHex(data.consumeBytes(20));
            case 9:
                return (data.consumeBoolean() ? "v1=" : "") + Base64.getEncoder().encodeToString(data.consumeBytes(64));
            default:
                // A Unix timestamp near the fixed clock of the fuzzed vendors, or anywhere.
                return Long.toString(data.consumeBoolean()
                        ? VendorContexts.FIXED_INSTANT.getEpochSecond() + data.consumeInt(-1000, 1000)
                        : data.consumeLong(-1, 999_999_999_999L));
        }
    }

    // ---- target 2: a genuine sample, mutated ------------------------------------------------------------------------

    /** What a mutation may do; which ones can never keep a delivery genuine is decided by {@link Authenticity}. */
    enum Mutation {
        FLIP_BODY_BYTE, INSERT_BODY_BYTE, DELETE_BODY_BYTE, TRUNCATE_BODY, APPEND_TO_BODY, REPLACE_BODY_RANGE,
        RESPACE_JSON, CHANGE_SIGNATURE_CHAR, RECASE_SIGNATURE, TRUNCATE_SIGNATURE, APPEND_TO_SIGNATURE,
        REPLACE_SIGNATURE, PAD_SIGNATURE, TOGGLE_PREFIX, RECASE_HEADER_NAME, REMOVE_HEADER, DUPLICATE_HEADER,
        ADD_CANDIDATE_HEADER, ADD_HARMLESS_HEADER, SIGN_WITH_RETIRED_SECRET, RESIGN_WITH_ACTIVE_SECRET,
        // Last, so that the ordinals the committed seeds were written with keep naming the same mutations.
        SIGN_AT_ANOTHER_TIME
    }

    /**
     * Signs a catalog sample with an active secret, applies up to six mutations, then checks: (1) every
     * {@link DeliveryChecks} invariant; (2) for a vendor that MACs the body, any change to the body that was not
     * re-signed is rejected; (3) a signature that no longer carries an active MAC or credential (for a vendor that
     * signs a timestamp: over a timestamp within the tolerance) is rejected ({@link Authenticity.Verdict#FORGED});
     * (4) headers that are still exactly the signer's output are accepted,
     * and an unchanged sample still parses to its catalog class.
     */
    static void mutatedSample(List<FuzzEndpoint> endpoints, List<Vendor> vendors, FuzzedDataProvider data) {
        int which = data.consumeInt(0, endpoints.size() - 1);
        FuzzEndpoint endpoint = endpoints.get(which);
        Vendor vendor = vendors.get(which);
        List<EventType> types = vendor.catalog().types();
        EventType type = types.get(data.consumeInt(0, types.size() - 1));
        Secret signingSecret = Secret.of(endpoint.active().get(data.consumeInt(0, 1)));
        byte[] original = type.sampleBody().getBytes(StandardCharsets.UTF_8);
        byte[] signedBody = original;
        byte[] body = original.clone();
        Map<String, List<String>> headers = signed(vendor, body, signingSecret, type.name());
        Map<String, List<String>> signedHeaders = copy(headers);
        int mutations = data.consumeInt(0, 6);
        List<Mutation> applied = new ArrayList<>();
        for (int i = 0; i < mutations; i++) {
            Mutation mutation = data.pickValue(Mutation.values());
            applied.add(mutation);
            switch (mutation) {
                case FLIP_BODY_BYTE -> {
                    if (body.length > 0) {
                        int at = data.consumeInt(0, body.length - 1);
                        body[at] ^= (byte) data.consumeInt(1, 255);
                    }
                }
                case INSERT_BODY_BYTE -> {
                    int at = data.consumeInt(0, body.length);
                    byte[] longer = new byte[body.length + 1];
                    System.arraycopy(body, 0, longer, 0, at);
                    longer[at] = data.consumeByte();
                    System.arraycopy(body, at, longer, at + 1, body.length - at);
                    body = longer;
                }
                case DELETE_BODY_BYTE -> {
                    if (body.length > 0) {
                        int at = data.consumeInt(0, body.length - 1);
                        byte[] shorter = new byte[body.length - 1];
                        System.arraycopy(body, 0, shorter, 0, at);
                        System.arraycopy(body, at + 1, shorter, at, body.length - at - 1);
                        body = shorter;
                    }
                }
                case TRUNCATE_BODY -> body = Arrays.copyOf(body, data.consumeInt(0, body.length));
                case APPEND_TO_BODY -> body = concat(body, data.consumeBytes(data.consumeInt(1, 16)));
                case REPLACE_BODY_RANGE -> {
                    int from = data.consumeInt(0, body.length);
                    int to = data.consumeInt(from, body.length);
                    byte[] middle = data.consumeBytes(data.consumeInt(0, 32));
                    body = concat(concat(Arrays.copyOf(body, from), middle),
                            Arrays.copyOfRange(body, to, body.length));
                }
                case RESPACE_JSON -> {
                    // Same JSON, different bytes: a receiver keyed on body hash sees a new delivery, and a MAC
                    // over the bytes no longer matches.
                    int brace = indexOf(body, (byte) '{');
                    if (brace >= 0) {
                        body = concat(concat(Arrays.copyOf(body, brace + 1), new byte[] {' '}),
                                Arrays.copyOfRange(body, brace + 1, body.length));
                    }
                }
                case CHANGE_SIGNATURE_CHAR -> editSignature(headers, data, value -> {
                    if (value.isEmpty()) {
                        return value;
                    }
                    int at = data.consumeInt(0, value.length() - 1);
                    return value.substring(0, at) + data.consumeChar() + value.substring(at + 1);
                });
                case RECASE_SIGNATURE -> editSignature(headers, data, value -> data.consumeBoolean()
                        ? value.toUpperCase(Locale.ROOT) : value.toLowerCase(Locale.ROOT));
                case TRUNCATE_SIGNATURE -> editSignature(headers, data,
                        value -> value.substring(0, data.consumeInt(0, value.length())));
                case APPEND_TO_SIGNATURE -> editSignature(headers, data, value -> value + data.consumeString(4));
                case REPLACE_SIGNATURE -> editSignature(headers, data, value -> data.consumeString(90));
                case PAD_SIGNATURE -> editSignature(headers, data,
                        value -> data.pickValue(List.of(" ", "\t", "\n", "\r\n", "\u00a0", "\u3000", "\u0000"))
                                + value + data.pickValue(List.of(" ", "\t", "\n", "=", "==", "\u2028", "")));
                case TOGGLE_PREFIX -> editSignature(headers, data, value -> value.regionMatches(true, 0,
                        "sha256=", 0, 7) ? value.substring(7) : data.pickValue(List.of("sha256=", "SHA256=",
                        "sha1=", "sha256:", "\u017fha256=")) + value);
                case RECASE_HEADER_NAME -> {
                    if (!headers.isEmpty()) {
                        String name = data.pickValue(new ArrayList<>(headers.keySet()));
                        List<String> values = headers.remove(name);
                        headers.put(recase(data, name), values);
                    }
                }
                case REMOVE_HEADER -> {
                    if (!headers.isEmpty()) {
                        headers.remove(data.pickValue(new ArrayList<>(headers.keySet())));
                    }
                }
                case DUPLICATE_HEADER -> {
                    if (!headers.isEmpty()) {
                        List<String> values = headers.get(data.pickValue(new ArrayList<>(headers.keySet())));
                        if (!values.isEmpty()) {
                            values.add(data.consumeBoolean() ? values.get(0) : data.consumeString(70));
                        }
                    }
                }
                case ADD_CANDIDATE_HEADER -> {
                    String value = headers.isEmpty() || data.consumeBoolean() ? data.consumeString(70)
                            : headers.values().iterator().next().get(0);
                    headers.computeIfAbsent(data.pickValue(HEADER_NAMES), n -> new ArrayList<>()).add(value);
                }
                case ADD_HARMLESS_HEADER -> headers.computeIfAbsent(
                        data.pickValue(List.of("Content-Type", "User-Agent", "X-Request-Id")),
                        n -> new ArrayList<>()).add(data.consumeString(30));
                case SIGN_WITH_RETIRED_SECRET -> headers = signed(vendor, body, Secret.of(endpoint.inactive()),
                        type.name());
                case RESIGN_WITH_ACTIVE_SECRET -> {
                    signedBody = body.clone();
                    headers = signed(vendor, body, Secret.of(endpoint.active().get(data.consumeInt(0, 1))),
                            type.name());
                    signedHeaders = copy(headers);
                }
                case SIGN_AT_ANOTHER_TIME -> {
                    // Genuinely signed by a clock that is off, or captured and sent again later: for a vendor that
                    // signs a timestamp, outside the tolerance it must be refused however genuine it is.
                    signedBody = body.clone();
                    Clock shifted = Clock.offset(VendorContexts.FIXED_CLOCK,
                            Duration.ofSeconds(data.consumeInt(-MAX_SHIFT_SECONDS, MAX_SHIFT_SECONDS)));
                    headers = signed(endpoint.vendor(shifted), body,
                            Secret.of(endpoint.active().get(data.consumeInt(0, 1))), type.name());
                    signedHeaders = copy(headers);
                }
                default -> throw new AssertionError(mutation);
            }
        }

        Delivery delivery = new Delivery("fuzz-" + endpoint.label(), Headers.of(headers), body,
                VendorContexts.FIXED_INSTANT);
        Verification verification = DeliveryChecks.verify(endpoint, vendor, delivery, type.name());
        boolean bodyChanged = !Arrays.equals(body, signedBody);
        if (endpoint.authenticatesBody() && bodyChanged && verification instanceof Verification.Verified) {
            throw new AssertionError(endpoint.label() + ": VERIFIED A CHANGED BODY (" + type.name() + ", "
                    + signedBody.length + " bytes signed, " + body.length + " sent)");
        }
        ParseResult parsed = DeliveryChecks.parse(endpoint, vendor, delivery);
        trace(endpoint, delivery, type.name() + " " + applied, verification, parsed);
        // The type may travel in a header nobody signs (GitHub): the sample keeps its type only while those are intact.
        Map<String, List<String>> sent = headers;
        Map<String, List<String>> lastSigned = signedHeaders;
        boolean unsignedIntact = endpoint.unsignedHeaders().stream()
                .allMatch(name -> values(sent, name).equals(values(lastSigned, name)));
        if (verification instanceof Verification.Verified && Arrays.equals(body, original) && unsignedIntact
                && !(parsed instanceof ParseResult.Parsed p && type.eventClass().isInstance(p.event()))) {
            throw new AssertionError(endpoint.label() + ": the genuine sample " + type.name()
                    + " no longer parses to " + type.eventClass().getSimpleName() + ": " + parsed);
        }
    }

    private static void trace(FuzzEndpoint endpoint, Delivery delivery, String what, Verification verification,
                              ParseResult parsed) {
        if (TRACE) {
            System.err.println("[fuzz] " + endpoint.label() + " " + what + " headers=" + delivery.headers().names()
                    + " body=" + delivery.bodyLength() + "B -> " + verification + " / "
                    + (parsed instanceof ParseResult.Parsed p ? p.event().getClass().getSimpleName() + " "
                    + p.event().type() : parsed));
        }
    }

    /** The signer's headers for this body of this event type, as a mutable multi-map. */
    private static Map<String, List<String>> signed(Vendor vendor, byte[] body, Secret secret, String eventType) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        vendor.signer().sign(body.clone(), secret, eventType)
                .forEach((name, value) -> headers.put(name, new ArrayList<>(List.of(value))));
        return headers;
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return copy;
    }

    /** Every value of the named header, whatever case its name has now. */
    private static List<String> values(Map<String, List<String>> headers, String name) {
        return Headers.of(headers).all(name);
    }

    /** Edits one value of one header (the signer's, unless others were added). */
    private static void editSignature(Map<String, List<String>> headers, FuzzedDataProvider data,
                                      java.util.function.UnaryOperator<String> edit) {
        if (headers.isEmpty()) {
            return;
        }
        List<String> values = headers.get(data.pickValue(new ArrayList<>(headers.keySet())));
        if (values.isEmpty()) {
            return;
        }
        int at = data.consumeInt(0, values.size() - 1);
        values.set(at, edit.apply(values.get(at)));
    }

    /** The name with each ASCII letter's case chosen by the fuzzer. */
    static String recase(FuzzedDataProvider data, String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(data.consumeBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return out.toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
