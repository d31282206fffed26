package dev.hookyard.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hookyard.server.Hookyard;
import dev.hookyard.server.builtin.BuiltinPlugin;
import dev.hookyard.server.config.ConfigLoader;
import dev.hookyard.server.dispatch.RetrySchedule;
import dev.hookyard.server.plugin.InstalledPlugins;
import dev.hookyard.server.store.StoreUnavailableException;
import dev.hookyard.server.store.StoredDelivery;
import dev.hookyard.spi.EventType;
import dev.hookyard.spi.Headers;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.WebhookEvent;
import dev.hookyard.vendor.absorb.AbsorbPlugin;
import dev.hookyard.vendor.falkor.FalkorPlugin;
import dev.hookyard.vendor.leaflink.LeafLinkPlugin;
import dev.hookyard.vendor.leah.LeahPlugin;
import dev.hookyard.vendor.least.LeastPlugin;
import dev.hookyard.vendor.standardwebhooks.StandardWebhooksPlugin;
import dev.hookyard.vendor.stripe.StripePlugin;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property test over a real server: one Hookyard with an endpoint for every vendor (and option variants), a recording
 * handler routed everything, and a stream of requests from a seeded {@link Random} sent over raw sockets: genuinely
 * signed samples and variants, the same with one mutation (body, signature, headers), replays to another endpoint,
 * random methods and paths, huge, duplicated and non-ASCII headers, lying Content-Length, chunked bodies, and
 * malformed HTTP. Then:
 *
 * <ul>
 *   <li>no answer is ever a 5xx (the store is healthy here, so not even 503), and the server never hangs;</li>
 *   <li>every request that carries no active MAC or credential ({@link Authenticity.Verdict#FORGED}) is refused;</li>
 *   <li>every request that is exactly what the vendor's signer produces, sent well-formed to its endpoint, is accepted
 *       (200, or 400 when the signed body is not the vendor's envelope);</li>
 *   <li>the store holds exactly one delivery per "accepted" answer and nothing else, each of them a body that was
 *       sent genuinely (or at least with the real MAC) to that endpoint; the handler was called exactly once for
 *       each stored delivery and for nothing else.</li>
 * </ul>
 * The seed is in the test name, so a failure replays exactly.
 */
class HostileHttpPropertyTest {

    private static final int REQUESTS_PER_SEED = 400;

    /** A small body limit on one endpoint, so 413 is exercised with small requests. */
    private static final int SMALL_LIMIT = 512;

    /** The server's endpoints: name, path, vendor setup (secrets and options from the fuzz endpoints). */
    private record Target(String name, String path, FuzzEndpoint setup, Vendor vendor, int maxBodyBytes) {
    }

    private static final List<Target> TARGETS = List.of(
            target("least", FuzzEndpoint.LEAST.get(0), 65536),
            target("least-workflow", FuzzEndpoint.LEAST.get(2), 65536),
            target("absorb", FuzzEndpoint.ABSORB.get(0), 65536),
            target("leah", FuzzEndpoint.LEAH.get(0), 65536),
            target("leaflink", FuzzEndpoint.LEAFLINK.get(0), 65536),
            target("falkor", FuzzEndpoint.FALKOR.get(0), 65536),
            target("bytekast", FuzzEndpoint.FALKOR.get(1), SMALL_LIMIT),
            target("standard-webhooks", FuzzEndpoint.STANDARD_WEBHOOKS.get(0), 65536),
            target("svix-ed25519", FuzzEndpoint.STANDARD_WEBHOOKS.get(1), 65536),
            target("stripe", FuzzEndpoint.STRIPE.get(0), 65536));

    /** The vendor on the server's clock, the real one: the signed timestamps of some vendors must be current. */
    private static Target target(String name, FuzzEndpoint setup, int maxBodyBytes) {
        return new Target(name, "/hooks/" + name, setup, setup.vendor(Clock.systemUTC()), maxBodyBytes);
    }

    /** What the test knows about one request it sent. */
    private record Sent(String kind, Target target, byte[] body, Authenticity.Verdict verdict, boolean mustAccept,
                        byte[] raw) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20250101L, 7L, 424242L})
    void noInputAnswers5xxAndNothingUnverifiedIsStoredOrDispatched(long seed, @TempDir Path home) throws Exception {
        RecordingPlugin recording = new RecordingPlugin();
        Path file = home.resolve("hookyard.yaml");
        Files.writeString(file, yaml());
        InstalledPlugins plugins = InstalledPlugins.of(List.of(new BuiltinPlugin(), new LeastPlugin(),
                new AbsorbPlugin(), new LeahPlugin(), new LeafLinkPlugin(), new FalkorPlugin(),
                new StandardWebhooksPlugin(), new StripePlugin(), recording));
        Random random = new Random(seed);
        Map<String, Integer> kinds = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<Sent> accepted = new ArrayList<>();
        int forged = 0;
        int genuine = 0;
        int duplicates = 0;
        int errorsBefore = ErrorLogCounter.errors().size();
        try (Hookyard hookyard = Hookyard.start(new ConfigLoader(home, name -> null).load(file), plugins,
                Clock.systemUTC(), new RetrySchedule(2, Duration.ofMillis(10), Duration.ofMillis(20)))) {
            for (int i = 0; i < REQUESTS_PER_SEED; i++) {
                Sent sent = next(random, i);
                RawExchange.Answer answer = RawExchange.exchange(hookyard.port(), sent.raw());
                String what = "request " + i + " (" + sent.kind() + ", seed " + seed + "): "
                        + RawExchange.preview(sent.raw());
                kinds.merge(sent.kind(), 1, Integer::sum);
                statuses.merge(answer.status(), 1, Integer::sum);
                if (answer.worstStatus() >= 500) {
                    fail("answered " + answer.worstStatus() + " to " + what);
                }
                boolean ok = answer.status() >= 200 && answer.status() < 300;
                if (sent.verdict() == Authenticity.Verdict.FORGED) {
                    forged++;
                    assertTrue(!ok, "a request carrying no active MAC or credential was accepted: " + what);
                }
                if (sent.mustAccept()) {
                    genuine++;
                    assertTrue(answer.status() == 200 || answer.status() == 400,
                            "a genuinely signed, well-formed request was answered " + answer.status() + ": " + what);
                }
                if (ok) {
                    assertEquals(200, answer.status(), what);
                    assertTrue(sent.target() != null && sent.body() != null, "200 for a request to no endpoint: "
                            + what);
                    if (answer.body().startsWith("accepted")) {
                        accepted.add(sent);
                    } else {
                        assertTrue(answer.body().startsWith("duplicate"), "200 with body " + answer.body());
                        duplicates++;
                    }
                }
            }

            List<StoredDelivery> stored = storeContents(hookyard);
            awaitHandlerCalls(recording, stored.size());
            List<WebhookEvent> calls = recording.calls();

            System.out.printf("HostileHttpPropertyTest seed %d: %d requests %s; statuses %s (0 = closed without"
                            + " response); forged sent %d, all refused; genuine sent %d; accepted %d, duplicates %d;"
                            + " stored %d; handler calls %d%n", seed, REQUESTS_PER_SEED, kinds, statuses, forged,
                    genuine, accepted.size(), duplicates, stored.size(), calls.size());

            assertEquals(accepted.size(), stored.size(), "one stored delivery per 'accepted' answer");
            Set<String> acceptedKeys = accepted.stream().map(s -> key(s.target().name(), s.body()))
                    .collect(Collectors.toSet());
            for (StoredDelivery delivery : stored) {
                String key = key(delivery.endpoint(), delivery.body());
                assertTrue(acceptedKeys.contains(key), "stored delivery " + delivery.id() + " at "
                        + delivery.endpoint() + " matches no request answered 'accepted'");
                Target target = TARGETS.stream().filter(t -> t.name().equals(delivery.endpoint())).findFirst()
                        .orElseThrow();
                assertTrue(carriesAuthentication(target, accepted, delivery.body()),
                        "stored delivery " + delivery.id() + " was never sent with a valid MAC or credential");
            }
            Set<String> storedKeys = stored.stream().map(d -> key(d.endpoint(), d.body())).collect(Collectors.toSet());
            assertEquals(stored.size(), calls.size(), "one handler call per stored delivery, and no more");
            List<String> errors = ErrorLogCounter.errors();
            assertEquals(List.of(), errors.subList(errorsBefore, errors.size()),
                    "hostile input must never produce a log event at ERROR");
            assertEquals(storedKeys, calls.stream().map(e -> key(e.delivery().endpoint(), e.delivery().body()))
                    .collect(Collectors.toSet()), "handler calls are exactly the stored deliveries");
        }
    }

    // ---- the requests -----------------------------------------------------------------------------------------------

    private static Sent next(Random random, int index) {
        int roll = random.nextInt(100);
        Target target = TARGETS.get(random.nextInt(TARGETS.size()));
        if (roll < 18) {
            return genuine("genuine-sample", target, sample(random, target), random, Map.of());
        }
        if (roll < 30) {
            return genuine("genuine-variant", target, variant(random, target, index), random, Map.of());
        }
        if (roll < 36) {
            return genuine("genuine-random-body", target, randomBody(random), random, Map.of());
        }
        if (roll < 56) {
            return tampered(random, target);
        }
        if (roll < 62) {
            // A captured genuine delivery replayed to another endpoint (or, by chance, to its own).
            Target other = TARGETS.get(random.nextInt(TARGETS.size()));
            byte[] body = sample(random, target);
            return post("replay-to-other-endpoint", other, other.path(), body, signed(target, body, random),
                    Map.of());
        }
        if (roll < 68) {
            return wrongMethod(random, target);
        }
        if (roll < 74) {
            return wrongPath(random, target);
        }
        if (roll < 84) {
            return hostileHeaders(random, target);
        }
        if (roll < 90) {
            return framing(random, target);
        }
        return garbage(random, target);
    }

    /** A catalog sample of the target's vendor. */
    private static byte[] sample(Random random, Target target) {
        List<EventType> types = target.vendor().catalog().types();
        return types.get(random.nextInt(types.size())).sampleBody().getBytes(StandardCharsets.UTF_8);
    }

    /** A sample made unique (a field added at the front): a new delivery for every vendor, same event type. */
    private static byte[] variant(Random random, Target target, int index) {
        String text = new String(sample(random, target), StandardCharsets.UTF_8);
        int brace = text.indexOf('{');
        return (text.substring(0, brace + 1) + "\"hookyardPropertyTest\":" + index + random.nextInt(1000) + ","
                + text.substring(brace + 1)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] randomBody(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> bytes(random, random.nextInt(200));
            case 1 -> "{\"event\":\"x\",\"type\":\"order\",\"action\":\"create\",\"data\":{}}"
                    .getBytes(StandardCharsets.UTF_8);
            case 2 -> ("[" + random.nextLong() + "]").getBytes(StandardCharsets.UTF_8);
            default -> new byte[0];
        };
    }

    private static Map<String, String> signed(Target target, byte[] body, Random random) {
        return target.vendor().signer().sign(body, Secret.of(target.setup().active().get(random.nextInt(2))));
    }

    private static Sent genuine(String kind, Target target, byte[] body, Random random, Map<String, String> extra) {
        return post(kind, target, target.path(), body, signed(target, body, random), extra);
    }

    /** A genuine sample with one change to its body, its signature or its headers. */
    private static Sent tampered(Random random, Target target) {
        byte[] body = sample(random, target);
        Map<String, String> headers = new LinkedHashMap<>(signed(target, body, random));
        String name = headers.keySet().iterator().next();
        String value = headers.get(name);
        String kind;
        switch (random.nextInt(9)) {
            case 0 -> {
                kind = "tampered-flip-body-byte";
                body = body.clone();
                body[random.nextInt(body.length)] ^= (byte) (1 + random.nextInt(255));
            }
            case 1 -> {
                kind = "tampered-truncated-body";
                body = Arrays.copyOf(body, random.nextInt(body.length));
            }
            case 2 -> {
                kind = "tampered-appended-body";
                body = Arrays.copyOf(body, body.length + 1 + random.nextInt(3));
            }
            case 3 -> {
                kind = "tampered-signature-char";
                int at = random.nextInt(value.length());
                char replacement = (char) ('0' + random.nextInt(75));
                headers.put(name, value.substring(0, at) + replacement + value.substring(at + 1));
            }
            case 4 -> {
                kind = "tampered-signature-truncated";
                headers.put(name, value.substring(0, random.nextInt(value.length())));
            }
            case 5 -> {
                kind = "tampered-signature-removed";
                headers.remove(name);
            }
            case 6 -> {
                kind = "tampered-retired-secret";
                headers = new LinkedHashMap<>(target.vendor().signer().sign(body, Secret.of(
                        target.setup().inactive())));
            }
            case 7 -> {
                kind = "tampered-respaced-json";
                String text = new String(body, StandardCharsets.UTF_8);
                body = text.replaceFirst("\\{", "{ ").getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                kind = "tampered-signature-garbage";
                headers.put(name, randomHeaderValue(random));
            }
        }
        return post(kind, target, target.path(), body, headers, Map.of());
    }

    private static Sent wrongMethod(Random random, Target target) {
        byte[] body = sample(random, target);
        String method = List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "CONNECT", "get",
                "Post", "FOO", "P\u00d6ST").get(random.nextInt(12));
        byte[] raw = request(method, target.path(), signed(target, body, random), Map.of(), body, true, null);
        return new Sent("wrong-method", null, null, Authenticity.Verdict.UNDECIDED, false, raw);
    }

    private static Sent wrongPath(Random random, Target target) {
        String path = List.of("/", "/hooks", "/hooks/", "/hooks/nope", target.path() + "/", target.path() + "x",
                target.path().toUpperCase(java.util.Locale.ROOT), "/hooks/../admin", "//" + target.path(),
                target.path() + ";x=1", "/%00", "/hooks/%zz", "/" + "a".repeat(9000), "*",
                "http://evil.example" + target.path(), "/hooks/\u00e9").get(random.nextInt(16));
        // An unsigned body, so it would be refused even where the server maps the path to an endpoint.
        byte[] body = randomBody(random);
        byte[] raw = request("POST", path, Map.of(), Map.of(), body, true, null);
        return new Sent("wrong-path", null, null, Authenticity.Verdict.FORGED, false, raw);
    }

    /** Hostile headers around a genuine or a forged delivery. */
    private static Sent hostileHeaders(Random random, Target target) {
        byte[] body = sample(random, target);
        boolean sign = random.nextBoolean();
        Map<String, String> auth = sign ? signed(target, body, random) : Map.of();
        Map<String, String> extra = new LinkedHashMap<>();
        String kind;
        switch (random.nextInt(6)) {
            case 0 -> {
                kind = "header-huge-value";
                extra.put("X-Request-Id", "v".repeat(9000 + random.nextInt(20000)));
            }
            case 1 -> {
                kind = "header-many";
                for (int i = 0; i < 100 + random.nextInt(300); i++) {
                    extra.put("X-Filler-" + i, Long.toHexString(random.nextLong()));
                }
            }
            case 2 -> {
                kind = "header-non-ascii";
                extra.put("User-Agent", "h\u00e9\u00e8\u00ff-\u4e2d\u6587-\u0000-\u0085");
            }
            case 3 -> {
                kind = "header-duplicated-signature";
                if (!auth.isEmpty()) {
                    String name = auth.keySet().iterator().next();
                    extra.put(name, random.nextBoolean() ? auth.get(name) : randomHeaderValue(random));
                }
            }
            case 4 -> {
                kind = "header-name-weird";
                extra.put(List.of("X Bad", "X:Colon", "\u00c4rger", "", "X\tTab").get(random.nextInt(5)), "1");
            }
            default -> {
                kind = "header-value-crlf";
                extra.put("X-Request-Id", "a\r\nX-Injected: 1");
            }
        }
        // Only harmless extra headers keep a signed delivery exactly signed; anything else is classified as sent.
        Map<String, String> vendorVisible = new LinkedHashMap<>(auth);
        boolean onlyHarmless = extra.keySet().stream().allMatch(n -> Authenticity.HARMLESS.contains(
                n.toLowerCase(java.util.Locale.ROOT)));
        Authenticity.Verdict verdict = onlyHarmless ? verdict(target, vendorVisible, body)
                : verdict(target, merged(vendorVisible, extra), body);
        byte[] raw = request("POST", target.path(), auth, extra, body, true, null);
        // Well-formed and small enough only in some of these cases: acceptance is not required, refusal of
        // forgeries still is.
        return new Sent(kind, target, body, verdict, false, raw);
    }

    /** Body framing: chunked (valid and broken), Content-Length too short, too long, twice, negative, oversized. */
    private static Sent framing(Random random, Target target) {
        byte[] body = sample(random, target);
        Map<String, String> auth = signed(target, body, random);
        int choice = random.nextInt(7);
        return switch (choice) {
            case 0 -> {
                byte[] raw = request("POST", target.path(), auth, Map.of(), body, false, chunked(body, random));
                boolean fits = body.length <= target.maxBodyBytes();
                yield new Sent("framing-chunked", target, body, verdict(target, auth, body), fits, raw);
            }
            case 1 -> {
                byte[] raw = request("POST", target.path(), auth, Map.of("Transfer-Encoding", "chunked"), body, false,
                        ("zz\r\n" + new String(body, StandardCharsets.ISO_8859_1)).getBytes(
                                StandardCharsets.ISO_8859_1));
                yield new Sent("framing-chunked-broken", target, body, Authenticity.Verdict.UNDECIDED, false, raw);
            }
            case 2 -> {
                int declared = Math.max(0, body.length - 1 - random.nextInt(Math.max(1, body.length / 2)));
                byte[] raw = request("POST", target.path(), auth, Map.of("Content-Length",
                        Integer.toString(declared)), body, false, body);
                yield new Sent("framing-length-short", target, Arrays.copyOf(body, declared),
                        verdict(target, auth, Arrays.copyOf(body, declared)), false, raw);
            }
            case 3 -> {
                byte[] raw = request("POST", target.path(), auth, Map.of("Content-Length",
                        Integer.toString(body.length + 1 + random.nextInt(100))), body, false, body);
                yield new Sent("framing-length-long", target, body, Authenticity.Verdict.UNDECIDED, false, raw);
            }
            case 4 -> {
                byte[] raw = request("POST", target.path(), auth, Map.of("Content-Length", "-1"), body, false, body);
                yield new Sent("framing-length-negative", target, body, Authenticity.Verdict.UNDECIDED, false, raw);
            }
            case 5 -> {
                String head = "POST " + target.path() + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                        + "Content-Length: " + body.length + "\r\nContent-Length: " + (body.length + 1) + "\r\n"
                        + headerLines(auth) + "\r\n";
                yield new Sent("framing-length-twice", target, body, Authenticity.Verdict.UNDECIDED, false,
                        concat(head.getBytes(StandardCharsets.ISO_8859_1), body));
            }
            default -> {
                byte[] big = padded(body, target.maxBodyBytes() + 1 + random.nextInt(4096));
                Map<String, String> bigAuth = signed(target, big, random);
                byte[] raw = request("POST", target.path(), bigAuth, Map.of(), big, true, null);
                yield new Sent("framing-over-body-limit", target, big, verdict(target, bigAuth, big), false, raw);
            }
        };
    }

    private static Sent garbage(Random random, Target target) {
        String path = target.path();
        List<byte[]> requests = List.of(
                bytes(random, 1 + random.nextInt(300)),
                ("GET\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1),
                ("POST " + path + " HTTP/9.9\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1),
                ("POST " + path + " HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1),
                ("POST " + path + " HTTP/1.0\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1),
                "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
                ("POST " + path + " HTTP/1.1\nHost: x\nContent-Length: 2\n\n{}").getBytes(StandardCharsets.ISO_8859_1),
                ("POST " + path + " HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n b\r\nContent-Length: 2\r\n\r\n{}")
                        .getBytes(StandardCharsets.ISO_8859_1),
                ("POST " + path + " HTTP/1.1\r\nHost: x\r\nNoColonHere\r\nContent-Length: 2\r\n\r\n{}")
                        .getBytes(StandardCharsets.ISO_8859_1),
                ("POST " + path + " HTTP/1.1\r\nHost: x\r\nX-Nul: a\u0000b\r\nContent-Length: 2\r\n\r\n{}")
                        .getBytes(StandardCharsets.ISO_8859_1),
                ("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "2\r\n{}\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1),
                ("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n{}")
                        .getBytes(StandardCharsets.ISO_8859_1),
                ("POST " + path + " HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n{}")
                        .getBytes(StandardCharsets.ISO_8859_1),
                ("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}POST " + path
                        + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1),
                new byte[0]);
        int choice = random.nextInt(requests.size());
        return new Sent("malformed-http-" + choice, null, null, Authenticity.Verdict.FORGED, false,
                requests.get(choice));
    }

    // ---- request bytes ----------------------------------------------------------------------------------------------

    private static Sent post(String kind, Target target, String path, byte[] body, Map<String, String> auth,
                             Map<String, String> extra) {
        byte[] raw = request("POST", path, auth, extra, body, true, null);
        Authenticity.Verdict verdict = verdict(target, auth, body);
        boolean mustAccept = verdict == Authenticity.Verdict.GENUINE && path.equals(target.path())
                && body.length <= target.maxBodyBytes();
        return new Sent(kind, target, body, verdict, mustAccept, raw);
    }

    /**
     * {@code METHOD path HTTP/1.1}, Host, Connection: close, the auth and extra headers, then either the body with
     * its Content-Length ({@code withLength}) or {@code rawBody} as given (its framing headers in {@code extra}).
     */
    private static byte[] request(String method, String path, Map<String, String> auth, Map<String, String> extra,
                                  byte[] body, boolean withLength, byte[] rawBody) {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\nConnection: close\r\n");
        if (withLength) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        } else if (rawBody != null && !extra.containsKey("Transfer-Encoding") && !extra.containsKey("Content-Length")
                && rawBody != body) {
            head.append("Transfer-Encoding: chunked\r\n");
        }
        head.append(headerLines(auth)).append(headerLines(extra)).append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Header text goes out as UTF-8: non-ASCII values arrive as the raw bytes a hostile client would send.
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(withLength ? body : rawBody);
        return out.toByteArray();
    }

    private static String headerLines(Map<String, String> headers) {
        StringBuilder lines = new StringBuilder();
        headers.forEach((name, value) -> lines.append(name).append(": ").append(value).append("\r\n"));
        return lines.toString();
    }

    private static byte[] chunked(byte[] body, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int size = Math.min(body.length - at, 1 + random.nextInt(64));
            out.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, at, size);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            at += size;
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static String randomHeaderValue(Random random) {
        StringBuilder value = new StringBuilder();
        for (int i = random.nextInt(80); i > 0; i--) {
            value.append((char) (0x21 + random.nextInt(0x5e)));
        }
        return value.toString();
    }

    private static byte[] padded(byte[] body, int length) {
        byte[] out = Arrays.copyOf(body, length);
        Arrays.fill(out, body.length, length, (byte) ' ');
        return out;
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
        Map<String, String> out = new LinkedHashMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, (x, y) -> x + "\u0000" + y));
        return out;
    }

    private static Authenticity.Verdict verdict(Target target, Map<String, String> headers, byte[] body) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((name, value) -> multi.computeIfAbsent(name, n -> new ArrayList<>())
                .addAll(Arrays.asList(value.split("\u0000", -1))));
        return Authenticity.classify(target.setup(), target.vendor(), Headers.of(multi), body, null, Instant.now());
    }

    // ---- what the server did ----------------------------------------------------------------------------------------

    private static String yaml() {
        StringBuilder yaml = new StringBuilder("server: { host: 127.0.0.1, port: 0 }\nstore: { path: data }\n"
                + "management: { enabled: false }\nendpoints:\n");
        for (Target target : TARGETS) {
            yaml.append("  ").append(target.name()).append(": { vendor: ").append(target.setup().factory().id())
                    .append(", path: ").append(target.path()).append(", maxBodyBytes: ").append(target.maxBodyBytes())
                    .append(", secrets: [");
            yaml.append(target.setup().active().stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", ")));
            yaml.append("], options: {");
            yaml.append(target.setup().options().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining(", ")));
            yaml.append("} }\n");
        }
        return yaml + "handlers:\n  recorder: { type: " + RecordingPlugin.TYPE + " }\n"
                + "routes:\n  - { from: \"*\", to: [recorder] }\n";
    }

    /** Every stored delivery: ids are dense from 1 in a store that never deletes. */
    private static List<StoredDelivery> storeContents(Hookyard hookyard) throws StoreUnavailableException {
        List<StoredDelivery> stored = new ArrayList<>();
        for (long id = 1; ; id++) {
            Optional<StoredDelivery> found = hookyard.store().find(id);
            if (found.isEmpty()) {
                return stored;
            }
            stored.add(found.get());
        }
    }

    /** Polls (no fixed sleep) until the handler has had {@code expected} calls; fails after a generous deadline. */
    private static void awaitHandlerCalls(RecordingPlugin recording, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (recording.calls().size() < expected) {
            if (System.nanoTime() - deadline > 0) {
                fail("the handler had " + recording.calls().size() + " calls, not " + expected);
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    /** Whether some request answered "accepted" carried this body to this endpoint with a real MAC or credential. */
    private static boolean carriesAuthentication(Target target, List<Sent> accepted, byte[] body) {
        return accepted.stream().anyMatch(s -> s.target() == target && Arrays.equals(s.body(), body)
                && s.verdict() != Authenticity.Verdict.FORGED);
    }

    private static String key(String endpoint, byte[] body) {
        try {
            return endpoint + "/" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
