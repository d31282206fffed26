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
 * @param authenticatesBody false only for a vendor that sends a static credential instead of a MAC (Leah)
 * @param macs           the MACs a genuine sender makes (unused where the body is not authenticated)
 * @param unsignedHeaders headers the signer sends that the signature does not cover (GitHub's X-GitHub-Event), in
 *                       any case
 */
record FuzzEndpoint(String label, VendorFactory factory, Map<String, Object> options, List<String> active,
                    String inactive, boolean authenticatesBody, MacReference macs, Set<String> unsignedHeaders) {

    /** The vendor for this endpoint, built as the host builds it. */
    Vendor vendor() {
        return factory.create(VendorContexts.of("fuzz-" + label, Keyring.of(active.toArray(String[]::new)),
                options));
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
                    List.of("leah-user:pa:ss-7Qk", "leah-bearer-token-Xw9"), "leah-user:pa:ss-OLD", false, null,
                    Set.of()),
            new FuzzEndpoint("leah-basic", new LeahVendorFactory(), Map.of("scheme", "basic"),
                    List.of("basic-one:pw-1\u00e9", "basic-two:pw:2"), "basic-one:pw-2", false, null, Set.of()),
            new FuzzEndpoint("leah-bearer", new LeahVendorFactory(), Map.of("scheme", "bearer", "strict", true),
                    List.of("tok-aaaa-1111", "tok-bbbb-2222"), "tok-aaaa-1112", false, null, Set.of()));

    static final List<FuzzEndpoint> LEAFLINK = List.of(
            mac("leaflink", new LeafLinkVendorFactory(), Map.of()),
            mac("leaflink-strict", new LeafLinkVendorFactory(), Map.of("strict", true)));

    static final List<FuzzEndpoint> FALKOR = List.of(
            mac("falkor-any", new FalkorVendorFactory(), Map.of()),
            mac("falkor-bytekast", new FalkorVendorFactory(), Map.of("platform", "ByteKast")));

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
                                    MacReference macs, Set<String> unsignedHeaders) {
        return new FuzzEndpoint(label, factory, options,
                List.of(label + "-secret-one", label + "-secret-two"), label + "-secret-retired", true, macs,
                unsignedHeaders);
    }
}
