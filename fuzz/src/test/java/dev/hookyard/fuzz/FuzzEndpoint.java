package dev.hookyard.fuzz;

import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.VendorFactory;
import dev.hookyard.testkit.VendorContexts;
import dev.hookyard.vendor.absorb.AbsorbVendorFactory;
import dev.hookyard.vendor.falkor.FalkorVendorFactory;
import dev.hookyard.vendor.github.GitHubVendorFactory;
import dev.hookyard.vendor.hmac.HmacVendorFactory;
import dev.hookyard.vendor.leaflink.LeafLinkVendorFactory;
import dev.hookyard.vendor.leah.LeahVendorFactory;
import dev.hookyard.vendor.least.LeastVendorFactory;
import dev.hookyard.vendor.standardwebhooks.StandardWebhooksVendorFactory;
import dev.hookyard.vendor.stripe.StripeVendorFactory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One configured endpoint of one vendor, as the fuzz targets and the property test use it: the vendor built by its
 * public factory with these options and a keyring of two active secrets (a rotation in progress), plus a third secret
 * that is not in the keyring, so a delivery signed with it is a forgery.
 *
 * @param label          short name for messages and seed file names, e.g. {@code least-workflow}
 * @param factory        the vendor module's factory
 * @param options        endpoint options, as plain values read from YAML
 * @param active         the two active secrets
 * @param inactive       a secret the endpoint does not have
 * @param proof          what a genuine delivery carries, as the independent reference checks it
 * @param unsignedHeaders headers the signer sends that the signature does not cover (GitHub's X-GitHub-Event), in
 *                       any case
 */
record FuzzEndpoint(String label, VendorFactory factory, Map<String, Object> options, List<String> active,
                    String inactive, Proof proof, Set<String> unsignedHeaders) {

    /** The vendor for this endpoint, built as the host builds it, on the test kit's fixed clock. */
    Vendor vendor() {
        return vendor(VendorContexts.FIXED_CLOCK);
    }

    /** The vendor for this endpoint on this clock: a signer signs timestamps by it, a verifier judges them by it. */
    Vendor vendor(Clock clock) {
        return factory.create(VendorContexts.of("fuzz-" + label, Keyring.of(active.toArray(String[]::new)),
                options, clock));
    }

    /** False only for a vendor that sends a static credential instead of a MAC (Leah). */
    boolean authenticatesBody() {
        return proof.coversBody();
    }

    List<Secret> activeSecrets() {
        return active.stream().map(Secret::of).toList();
    }

    /** Every secret this endpoint knows of, active or not: none of them may ever appear in a message. */
    List<String> allSecrets() {
        return List.of(active.get(0), active.get(1), inactive);
    }

    // ---- the endpoints of each vendor, one per option set worth fuzzing ---------------------------------------------

    private static final Set<String> GITHUB_UNSIGNED = Set.of("X-GitHub-Event", "X-GitHub-Delivery");

    static final List<FuzzEndpoint> LEAST = List.of(
            mac("least-any", new LeastVendorFactory(), Map.of()),
            mac("least-collection", new LeastVendorFactory(), Map.of("channel", "collection")),
            mac("least-workflow", new LeastVendorFactory(), Map.of("channel", "workflow", "strict", true)));

    static final List<FuzzEndpoint> ABSORB = List.of(
            mac("absorb", new AbsorbVendorFactory(), Map.of()),
            mac("absorb-strict", new AbsorbVendorFactory(), Map.of("strict", true)));

    /** Leah: Basic secrets are user:password (the password may hold ':'), Bearer secrets are tokens. */
    static final List<FuzzEndpoint> LEAH = List.of(
            new FuzzEndpoint("leah-either", new LeahVendorFactory(), Map.of("scheme", "either"),
                    List.of("leah-user:pa:ss-7Qk", "leah-bearer-token-Xw9"), "leah-user:pa:ss-OLD", Proof.CREDENTIAL, Set.of()),
            new FuzzEndpoint("leah-basic", new LeahVendorFactory(), Map.of("scheme", "basic"),
                    List.of("basic-one:pw-1\u00e9", "basic-two:pw:2"), "basic-one:pw-2", Proof.CREDENTIAL, Set.of()),
            new FuzzEndpoint("leah-bearer", new LeahVendorFactory(), Map.of("scheme", "bearer", "strict", true),
                    List.of("tok-aaaa-1111", "tok-bbbb-2222"), "tok-aaaa-1112", Proof.CREDENTIAL, Set.of()));

    static final List<FuzzEndpoint> LEAFLINK = List.of(
            mac("leaflink", new LeafLinkVendorFactory(), Map.of()),
            mac("leaflink-strict", new LeafLinkVendorFactory(), Map.of("strict", true)));

    static final List<FuzzEndpoint> FALKOR = List.of(
            mac("falkor-any", new FalkorVendorFactory(), Map.of()),
            mac("falkor-bytekast", new FalkorVendorFactory(), Map.of("platform", "ByteKast")));

    /**
     * Standard Webhooks: symmetric {@code whsec_} keys with the default tolerance; Ed25519 {@code whsk_} keys on the
     * svix headers (the suite's rule: the keyring holds what signs, and verifies through its public half); and a
     * narrow, lopsided tolerance. The public keys were derived from the seeds with OpenSSL.
     */
    static final List<FuzzEndpoint> STANDARD_WEBHOOKS = List.of(
            new FuzzEndpoint("standard-webhooks", new StandardWebhooksVendorFactory(), Map.of(),
                    List.of("whsec_ZnV6ei1zdGFuZGFyZC13ZWJob29rcy1vbmU=",
                            "whsec_ZnV6ei1zdGFuZGFyZC13ZWJob29rcy10d28="),
                    "whsec_ZnV6ei1zdGFuZGFyZC13ZWJob29rcy1vbGQ=", new StandardWebhooksProof(Map.of(), 300, 300), Set.of()),
            new FuzzEndpoint("standard-webhooks-svix-ed25519", new StandardWebhooksVendorFactory(),
                    Map.of("headerPrefix", "svix"),
                    List.of(FuzzKeys.ED25519_ONE, FuzzKeys.ED25519_TWO), FuzzKeys.ED25519_OLD,
                    new StandardWebhooksProof(FuzzKeys.ED25519_PUBLIC, 300, 300), Set.of()),
            new FuzzEndpoint("standard-webhooks-narrow", new StandardWebhooksVendorFactory(),
                    Map.of("pastToleranceSeconds", 30, "futureToleranceSeconds", 1),
                    List.of("whsec_ZnV6ei1uYXJyb3ctb25l", "whsec_ZnV6ei1uYXJyb3ctdHdv"), "whsec_ZnV6ei1uYXJyb3ctb2xk",
                    new StandardWebhooksProof(Map.of(), 30, 1), Set.of()));

    static final List<FuzzEndpoint> STRIPE = List.of(
            new FuzzEndpoint("stripe", new StripeVendorFactory(), Map.of(),
                    List.of("whsec_fuzz_stripe_one", "whsec_fuzz_stripe_two"), "whsec_fuzz_stripe_retired",
                    new StripeProof(300, 300), Set.of()),
            new FuzzEndpoint("stripe-narrow", new StripeVendorFactory(), Map.of("toleranceSeconds", 10),
                    List.of("whsec_fuzz_narrow_one", "whsec_fuzz_narrow_two"), "whsec_fuzz_narrow_retired",
                    new StripeProof(10, 10), Set.of()));

    /** GitHub signs the body only: the event name and the delivery id travel unsigned. */
    static final List<FuzzEndpoint> GITHUB = List.of(
            mac("github", new GitHubVendorFactory(), Map.of(), MacReference.BODY_SHA256, GITHUB_UNSIGNED),
            mac("github-sha1", new GitHubVendorFactory(), Map.of("allowSha1", true),
                    MacReference.body("HmacSHA256", "HmacSHA1"), GITHUB_UNSIGNED));

    /** The configurable HMAC vendor, on three option sets from simplest to every option. */
    static final List<FuzzEndpoint> HMAC = List.of(
            mac("hmac-basic", new HmacVendorFactory(), Map.of("header", "X-Signature", "type", "/event", "key",
                    "/id"), MacReference.BODY_SHA256, Set.of()),
            mac("hmac-timestamped", new HmacVendorFactory(), Map.of("header", "X-Orders-Signature", "algorithm",
                            "sha512", "encoding", "base64", "prefix", "v1=", "timestampHeader", "X-Orders-Timestamp",
                            "signedContent", "v1:{timestamp}:{body}", "type", "header:X-Orders-Event", "key",
                            "header:X-Orders-Id", "eventTypes", List.of("order.created", "order.paid")),
                    new MacReference(List.of("HmacSHA512"), "X-Orders-Timestamp", "v1:{timestamp}:{body}"),
                    Set.of("X-Orders-Event", "X-Orders-Id")),
            mac("hmac-sha1", new HmacVendorFactory(), Map.of("header", "X-Legacy-Signature", "algorithm", "sha1",
                    "prefix", "sha1=", "type", "/meta/type"), MacReference.body("HmacSHA1"), Set.of()));

    private static FuzzEndpoint mac(String label, VendorFactory factory, Map<String, Object> options) {
        return mac(label, factory, options, MacReference.BODY_SHA256, Set.of());
    }

    private static FuzzEndpoint mac(String label, VendorFactory factory, Map<String, Object> options,
                                    Proof macs, Set<String> unsignedHeaders) {
        return new FuzzEndpoint(label, factory, options,
                List.of(label + "-secret-one", label + "-secret-two"), label + "-secret-retired", macs,
                unsignedHeaders);
    }
}
