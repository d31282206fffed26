package dev.hookyard.fuzz;

import static dev.hookyard.fuzz.DeliveryFuzzing.HEADER_NAMES;

import dev.hookyard.fuzz.DeliveryFuzzing.Mutation;
import dev.hookyard.spi.EventType;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Vendor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the hand-made seed corpus under {@code src/test/resources/dev/hookyard/fuzz/*Inputs/}: for each vendor,
 * every catalog sample genuinely signed (unchanged, and once with each kind of mutation), and for the config loader
 * the shipped configuration and a few broken ones. Seeds written by Jazzer itself (crashes, kept as regression
 * inputs) live beside them and are never overwritten. Not part of the build: run it after changing what a target
 * consumes, with {@code mvn -pl fuzz test -Dtest=SeedCorpusWriter -Dhookyard.fuzz.writeSeeds=true}.
 */
@EnabledIfSystemProperty(named = "hookyard.fuzz.writeSeeds", matches = "true")
class SeedCorpusWriter {

    private static final Path ROOT = Path.of("src/test/resources/dev/hookyard/fuzz");
    private static final int MUTATIONS = Mutation.values().length;
    /** The highest case of DeliveryFuzzing's header value generator. */
    private static final int CASES = 10;

    @Test
    void writeSeeds() throws IOException {
        Map<String, List<FuzzEndpoint>> vendors = Map.of("Least", FuzzEndpoint.LEAST, "Absorb", FuzzEndpoint.ABSORB,
                "Leah", FuzzEndpoint.LEAH, "LeafLink", FuzzEndpoint.LEAFLINK, "Falkor", FuzzEndpoint.FALKOR,
                "StandardWebhooks", FuzzEndpoint.STANDARD_WEBHOOKS, "Stripe", FuzzEndpoint.STRIPE,
                "GitHub", FuzzEndpoint.GITHUB, "Hmac", FuzzEndpoint.HMAC);
        for (Map.Entry<String, List<FuzzEndpoint>> vendor : vendors.entrySet()) {
            writeDeliverySeeds(vendor.getKey(), vendor.getValue());
            writeSignedSampleSeeds(vendor.getKey(), vendor.getValue());
        }
        writeConfigSeeds();
        writeAllVendorsSeeds();
    }

    /** Every per-vendor seed, with the two bytes {@link AllVendorsFuzzTest} reads first appended. */
    private static void writeAllVendorsSeeds() throws IOException {
        List<String> order = List.of("Least", "Absorb", "Leah", "LeafLink", "Falkor", "StandardWebhooks", "Stripe",
                "GitHub", "Hmac");
        Path all = dir("AllVendorsFuzzTestInputs");
        for (int v = 0; v < order.size(); v++) {
            for (String target : List.of("DeliveryFuzzTestInputs", "SignedSampleFuzzTestInputs")) {
                boolean mutated = target.startsWith("Signed");
                try (var seeds = Files.list(dir(order.get(v) + target))) {
                    for (Path seed : seeds.filter(p -> p.getFileName().toString().startsWith("seed-")).toList()) {
                        byte[] bytes = Files.readAllBytes(seed);
                        byte[] combined = java.util.Arrays.copyOf(bytes, bytes.length + 2);
                        combined[bytes.length] = (byte) (mutated ? 1 : 0);
                        combined[bytes.length + 1] = (byte) v;
                        write(all, (mutated ? "signed-" : "delivery-") + seed.getFileName().toString()
                                .substring("seed-".length()), combined);
                    }
                }
            }
        }
    }

    // ---- DeliveryFuzzing.arbitrary ----------------------------------------------------------------------------------

    private static void writeDeliverySeeds(String vendorName, List<FuzzEndpoint> endpoints) throws IOException {
        Path dir = dir(vendorName + "DeliveryFuzzTestInputs");
        List<String> names = DeliveryFuzzing.headerNames(endpoints);
        for (int e = 0; e < endpoints.size(); e++) {
            FuzzEndpoint endpoint = endpoints.get(e);
            Vendor vendor = endpoint.vendor();
            List<EventType> types = vendor.catalog().types();
            for (int t = 0; t < (e == 0 ? types.size() : 1); t++) {
                byte[] body = types.get(t).sampleBody().getBytes(StandardCharsets.UTF_8);
                Map<String, String> signed = vendor.signer().sign(body, Secret.of(endpoint.active().get(0)));
                FuzzInput input = new FuzzInput().integer(e, 0, endpoints.size() - 1).integer(signed.size(), 0, 5);
                for (Map.Entry<String, String> header : signed.entrySet()) {
                    String name = canonicalName(names, header.getKey());
                    input.bool(true).pick(names.indexOf(name), names.size());
                    for (char c : name.toCharArray()) {
                        input.bool(Character.isUpperCase(c));
                    }
                    headerValue(input, endpoint, header.getValue(), body);
                }
                write(dir, endpoint.label() + "-" + slug(types.get(t).name()), input.remaining(body).build());
            }
            // No headers, and a body that is not the envelope.
            write(dir, endpoint.label() + "-unsigned-array", new FuzzInput().integer(e, 0, endpoints.size() - 1)
                    .integer(0, 0, 5).remaining("[{\"event\":null},1,2]").build());
        }
    }

    /**
     * The generator case that reproduces a signer's value: with the real MAC bytes for a MAC of the body, or, for a
     * value that is not one (an id, a timestamp, a signature over more than the body), verbatim.
     */
    private static void headerValue(FuzzInput input, FuzzEndpoint endpoint, String value, byte[] body) {
        String secret = endpoint.active().get(0);
        byte[] mac = Authenticity.hmac(secret, body);
        String hex = java.util.HexFormat.of().formatHex(mac);
        if (!endpoint.authenticatesBody()) {
            if (value.startsWith("Basic ")) {
                input.integer(4, 0, CASES).string(secret);
            } else {
                input.integer(5, 0, CASES).bool(true).string(value.substring("Bearer ".length()));
            }
        } else if (value.equals("sha256=" + hex)) {
            input.integer(0, 0, CASES).bytes(mac);
        } else if (value.equalsIgnoreCase(hex)) {
            input.integer(1, 0, CASES).bytes(mac);
        } else if (value.equals(java.util.Base64.getEncoder().encodeToString(mac))) {
            input.integer(2, 0, CASES).bytes(mac);
        } else if (value.startsWith("sha1=")) {
            input.integer(8, 0, CASES).bytes(MacReference.hmac("HmacSHA1", secret, body));
        } else if (value.startsWith("v1=")) {
            input.integer(9, 0, CASES).bool(true).bytes(MacReference.hmac("HmacSHA512", secret, body));
        } else {
            input.integer(7, 0, CASES).string(value);
        }
    }

    // ---- DeliveryFuzzing.mutatedSample ------------------------------------------------------------------------------

    private static void writeSignedSampleSeeds(String vendorName, List<FuzzEndpoint> endpoints) throws IOException {
        Path dir = dir(vendorName + "SignedSampleFuzzTestInputs");
        for (int e = 0; e < endpoints.size(); e++) {
            FuzzEndpoint endpoint = endpoints.get(e);
            List<EventType> types = endpoint.vendor().catalog().types();
            for (int t = 0; t < (e == 0 ? types.size() : 1); t++) {
                write(dir, endpoint.label() + "-" + slug(types.get(t).name()),
                        sample(endpoints, e, t, types.size(), 0).build());
            }
        }
        FuzzEndpoint endpoint = endpoints.get(0);
        Vendor vendor = endpoint.vendor();
        int typeCount = vendor.catalog().types().size();
        byte[] body = vendor.catalog().types().get(0).sampleBody().getBytes(StandardCharsets.UTF_8);
        Map<String, String> signed = vendor.signer().sign(body, Secret.of(endpoint.active().get(0)));
        // The signature is the last header a signer sends (Standard Webhooks sends the id and timestamp first).
        List<String> sent = new ArrayList<>(signed.keySet());
        String header = sent.get(sent.size() - 1);
        String value = signed.get(header);
        String label = endpoint.label() + "-";
        // Mutations that pick a header consume the pick only when there is more than one to pick from.
        java.util.function.Consumer<FuzzInput> pickHeader = in -> {
            if (sent.size() > 1) {
                in.pick(sent.indexOf(header), sent.size());
            }
        };

        write(dir, label + "flip-body-byte", mutate(endpoints, typeCount, Mutation.FLIP_BODY_BYTE,
                in -> in.integer(body.length / 2, 0, body.length - 1).integer(1, 1, 255)));
        write(dir, label + "truncate-body", mutate(endpoints, typeCount, Mutation.TRUNCATE_BODY,
                in -> in.integer(body.length - 1, 0, body.length)));
        write(dir, label + "append-newline", mutate(endpoints, typeCount, Mutation.APPEND_TO_BODY,
                in -> in.integer(1, 1, 16).bytes(new byte[] {'\n'})));
        write(dir, label + "respace-json", mutate(endpoints, typeCount, Mutation.RESPACE_JSON, in -> { }));
        write(dir, label + "change-signature-char", mutate(endpoints, typeCount,
                Mutation.CHANGE_SIGNATURE_CHAR, pickHeader.andThen(in -> in.integer(value.length() - 1, 0,
                        value.length() - 1).character(value.charAt(value.length() - 1) == 'A' ? 'B' : 'A'))));
        write(dir, label + "upper-case-signature", mutate(endpoints, typeCount, Mutation.RECASE_SIGNATURE,
                pickHeader.andThen(in -> in.bool(true))));
        write(dir, label + "pad-signature", mutate(endpoints, typeCount, Mutation.PAD_SIGNATURE,
                pickHeader.andThen(in -> in.pick(3, 7).pick(2, 7))));
        write(dir, label + "toggle-prefix", mutate(endpoints, typeCount, Mutation.TOGGLE_PREFIX,
                pickHeader.andThen(in -> {
                    if (!value.regionMatches(true, 0, "sha256=", 0, 7)) {
                        in.pick(1, 5);
                    }
                })));
        write(dir, label + "lower-case-header-name", mutate(endpoints, typeCount,
                Mutation.RECASE_HEADER_NAME, pickHeader.andThen(in -> {
                    for (int i = 0; i < header.length(); i++) {
                        in.bool(false);
                    }
                })));
        write(dir, label + "remove-header", mutate(endpoints, typeCount, Mutation.REMOVE_HEADER, pickHeader));
        write(dir, label + "duplicate-header", mutate(endpoints, typeCount, Mutation.DUPLICATE_HEADER,
                pickHeader.andThen(in -> in.bool(true))));
        write(dir, label + "second-candidate-header", mutate(endpoints, typeCount,
                Mutation.ADD_CANDIDATE_HEADER, in -> in.bool(false).pick(1, HEADER_NAMES.size())));
        write(dir, label + "harmless-header", mutate(endpoints, typeCount, Mutation.ADD_HARMLESS_HEADER,
                in -> in.pick(0, 3).string("application/json")));
        write(dir, label + "retired-secret", mutate(endpoints, typeCount,
                Mutation.SIGN_WITH_RETIRED_SECRET, in -> { }));
        write(dir, label + "signed-ten-minutes-ago", mutate(endpoints, typeCount, Mutation.SIGN_AT_ANOTHER_TIME,
                in -> in.integer(-600, -900, 900).integer(0, 0, 1)));
        write(dir, label + "signed-ten-minutes-ahead", mutate(endpoints, typeCount, Mutation.SIGN_AT_ANOTHER_TIME,
                in -> in.integer(600, -900, 900).integer(1, 0, 1)));
        write(dir, label + "flip-then-resign", mutate(endpoints, typeCount, List.of(
                new Step(Mutation.FLIP_BODY_BYTE, in -> in.integer(0, 0, body.length - 1).integer(0x20, 1, 255)),
                new Step(Mutation.RESIGN_WITH_ACTIVE_SECRET, in -> in.integer(1, 0, 1)))));
    }

    /** Endpoint {@code e}, sample {@code t}, signed with the first secret, then {@code mutations} mutations. */
    private static FuzzInput sample(List<FuzzEndpoint> endpoints, int e, int t, int typeCount, int mutations) {
        return new FuzzInput().integer(e, 0, endpoints.size() - 1).integer(t, 0, typeCount - 1).integer(0, 0, 1)
                .integer(mutations, 0, 6);
    }

    /** One step of a mutated seed: the mutation and the values it consumes. */
    private record Step(Mutation mutation, java.util.function.Consumer<FuzzInput> parameters) {
    }

    /** The first sample of the first endpoint, signed with the first secret, then these steps. */
    private static byte[] mutate(List<FuzzEndpoint> endpoints, int typeCount, List<Step> steps) {
        FuzzInput input = sample(endpoints, 0, 0, typeCount, steps.size());
        for (Step step : steps) {
            input.pick(step.mutation().ordinal(), MUTATIONS);
            step.parameters().accept(input);
        }
        return input.build();
    }

    private static byte[] mutate(List<FuzzEndpoint> endpoints, int typeCount, Mutation mutation,
                                 java.util.function.Consumer<FuzzInput> parameters) {
        return mutate(endpoints, typeCount, List.of(new Step(mutation, parameters)));
    }

    // ---- ConfigLoaderFuzzTest ---------------------------------------------------------------------------------------

    private static void writeConfigSeeds() throws IOException {
        Path dir = dir("ConfigLoaderFuzzTestInputs");
        Path shipped = Path.of("../distribution/src/dist/conf/hookyard.yaml");
        List<String[]> configs = new ArrayList<>();
        configs.add(new String[] {"shipped", Files.readString(shipped)});
        configs.add(new String[] {"all-vendors", """
                server: { host: 127.0.0.1, port: 0, maxBodyBytes: 65536, shutdownGrace: 5s }
                store: { type: embedded, path: data }
                endpoints:
                  least: { vendor: least, secrets: ["${env:LEAST_SECRET}", "${file:secrets/token}"] }
                  leah: { vendor: leah, path: /hooks/leah, secrets: ["${env:COLON_SECRET}"], options: { scheme: basic } }
                  falkor: { vendor: falkor, secrets: ["${env:URL_SECRET}"], options: { platform: ByteKast }, maxBodyBytes: 1024 }
                handlers:
                  log: { type: log, retry: { maxAttempts: 3, initialDelay: 500ms, maxDelay: 1m }, timeout: 30s, maxConcurrent: 4 }
                routes:
                  - { from: "*", vendor: "*", events: ["record.*"], to: [log] }
                """});
        configs.add(new String[] {"references-gone-wrong", """
                store: { path: "${file:secrets/binary}" }
                endpoints:
                  a: { vendor: least, path: "${env:PATH_SECRET}", secrets: ["${env:MISSING}", "${file:secrets/empty}", "${vault:x}"] }
                  b: { vendor: least, path: "/hooks/a", secrets: "${env:SPACE_SECRET}", maxBodyBytes: "${env:LEAST_SECRET}" }
                handlers:
                  h: { type: log, timeout: "${env:COLON_SECRET}", options: { url: "${env:URL_SECRET}", nested: [{ x: "${file:missing}" }] } }
                routes: { from: "*" }
                """});
        configs.add(new String[] {"hardening", """
                server:
                  host: 127.0.0.1
                  tls: { keystore: "${file:secrets/token}", password: "${env:LEAST_SECRET}", reloadInterval: 60s }
                  limits: { maxHeaderBytes: 8192, maxHeaderCount: 100, idleTimeout: 30s, bodyTimeout: 10s, maxConnections: 100 }
                  trustedProxies: ["10.0.0.0/8", "::1"]
                management: { enabled: true, host: 127.0.0.1, port: 0 }
                plugins: { directory: plugins, onError: skip }
                store: { retentionDays: 30, maxBacklog: 1000 }
                endpoints:
                  a:
                    vendor: least
                    secrets: [{ value: "${env:LEAST_SECRET}", notAfter: "2030-01-01T00:00:00Z" }, "${env:COLON_SECRET}"]
                    allow: ["192.0.2.0/24", "2001:db8::/32"]
                    rateLimit: { requests: 10, per: 1s }
                    maxHeaderCount: 50
                    bodyTimeout: 5s
                """});
        configs.add(new String[] {"bad-yaml", "endpoints:\n  least: { vendor: least\n  secrets: [\"${env:LEAST_SECRET}\"\n"});
        configs.add(new String[] {"duplicate-key", "endpoints:\n  a: {vendor: least}\n  a: {vendor: leah}\n"});
        configs.add(new String[] {"anchors", "x: &a {vendor: least, secrets: [\"${env:LEAST_SECRET}\"]}\n"
                + "endpoints: {a: *a, b: *a}\n"});
        for (String[] config : configs) {
            write(dir, "raw-" + config[0], new FuzzInput().bool(true).remaining(config[1]).build());
        }
        // Findings (see FuzzFindingsTest): a path with a NUL character, from a secret file and in a reference.
        write(dir, "finding-store-path-nul-from-file", new FuzzInput().bool(true).remaining(
                "store: { path: \"${file:secrets/binary}\" }\n").build());
        write(dir, "finding-file-reference-nul-path", new FuzzInput().bool(true).remaining(
                "endpoints: { a: { vendor: least, secrets: [\"${file:a\\0b}\"] } }\n").build());
        write(dir, "finding-keystore-path-from-secret", new FuzzInput().bool(true).remaining(
                "server: { tls: { keystore: \"${file:secrets/token}\", password: pw } }\n").build());
        write(dir, "finding-cidr-from-secret", new FuzzInput().bool(true).remaining(
                "server: { trustedProxies: [\"${env:COLON_SECRET}\"] }\n").build());
        write(dir, "finding-plugins-directory-nul", new FuzzInput().bool(true).remaining(
                "plugins: { directory: \"${file:secrets/binary}\" }\n").build());
        write(dir, "finding-keystore-path-nul", new FuzzInput().bool(true).remaining(
                "server: { tls: { keystore: \"a\\0b\", password: pw } }\n").build());
        write(dir, "finding-management-host-from-secret", new FuzzInput().bool(true).remaining(
                "management: { host: \"${env:URL_SECRET}\" }\n").build());
        // The generated form, its shortest input: no section, nothing appended.
        write(dir, "generated-empty", new FuzzInput().bool(false).integer(0, 0, 5).bool(false).build());
    }

    // ---- files ------------------------------------------------------------------------------------------------------

    private static String canonicalName(List<String> names, String header) {
        for (String name : names) {
            if (name.equalsIgnoreCase(header)) {
                return name;
            }
        }
        throw new IllegalArgumentException("not among DeliveryFuzzing.headerNames: " + header);
    }

    private static Path dir(String inputs) throws IOException {
        return Files.createDirectories(ROOT.resolve(inputs).resolve(inputs.startsWith("Config")
                ? "loadNeverThrowsAnythingElseAndNeverLeaksASecret" : "verifyAndParse"));
    }

    private static void write(Path dir, String name, byte[] seed) throws IOException {
        Files.write(dir.resolve("seed-" + name), seed);
    }

    private static String slug(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
