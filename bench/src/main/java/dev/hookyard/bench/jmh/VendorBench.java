package dev.hookyard.bench.jmh;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.EventType;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.ParseResult;
import dev.hookyard.spi.Secret;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.VendorFactory;
import dev.hookyard.spi.Verification;
import dev.hookyard.testkit.SignedDeliveries;
import dev.hookyard.testkit.VendorContexts;
import dev.hookyard.vendor.absorb.AbsorbVendorFactory;
import dev.hookyard.vendor.falkor.FalkorVendorFactory;
import dev.hookyard.vendor.leaflink.LeafLinkVendorFactory;
import dev.hookyard.vendor.leah.LeahVendorFactory;
import dev.hookyard.vendor.least.LeastVendorFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Verify and parse, per vendor, of one signed catalog sample: the vendor's largest sample body (the most bytes to
 * MAC and to parse), signed with the last secret of a keyring of one or two secrets. With two secrets, a MAC
 * vendor computes two MACs (the first secret does not match), as during a rotation when senders still use the old
 * secret listed second. Leah authenticates with a static credential (the secret is compared, not a MAC). Parsing
 * does not depend on the keyring: see {@link ParseBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VendorBench {

    static final String SIGNING = "bench-user:bench-secret-signing";

    @Param({"least", "absorb", "leah", "leaflink", "falkor"})
    public String vendor;

    @Param({"1", "2"})
    public int secrets;

    private Vendor built;
    private Delivery delivery;

    @Setup
    public void setUp() {
        built = vendor(vendor, secrets);
        delivery = signedSample(built, vendor, secrets);
    }

    /** The vendor built for an endpoint whose keyring holds {@code secrets} secrets, the signing one last. */
    static Vendor vendor(String vendor, int secrets) {
        VendorFactory factory = switch (vendor) {
            case "least" -> new LeastVendorFactory();
            case "absorb" -> new AbsorbVendorFactory();
            case "leah" -> new LeahVendorFactory();
            case "leaflink" -> new LeafLinkVendorFactory();
            case "falkor" -> new FalkorVendorFactory();
            default -> throw new IllegalArgumentException(vendor);
        };
        // Leah's default scheme accepts Basic user:password secrets and Bearer tokens; a user:password works for all.
        List<String> ring = new ArrayList<>();
        if (secrets == 2) {
            ring.add("bench-user:bench-secret-other");
        }
        ring.add(SIGNING);
        Keyring keyring = Keyring.of(ring.toArray(String[]::new));
        return factory.create(VendorContexts.of(vendor, keyring, Map.of()));
    }

    /** The vendor's largest catalog sample, signed with the signing secret; checked to verify and parse. */
    static Delivery signedSample(Vendor built, String vendor, int secrets) {
        EventType sample = largestSample(built);
        Delivery delivery = SignedDeliveries.of(built, vendor, Secret.of(SIGNING), VendorContexts.FIXED_INSTANT)
                .sample(sample);
        if (!(built.verifier().verify(delivery) instanceof Verification.Verified)) {
            throw new IllegalStateException(vendor + ": the signed sample " + sample.name() + " does not verify");
        }
        if (!(built.parser().parse(delivery) instanceof ParseResult.Parsed)) {
            throw new IllegalStateException(vendor + ": the sample " + sample.name() + " does not parse");
        }
        System.out.printf("%n%s: sample %s, %d bytes, %d secret(s)%n", vendor, sample.name(),
                delivery.bodyLength(), secrets);
        return delivery;
    }

    static EventType largestSample(Vendor vendor) {
        return vendor.catalog().types().stream()
                .max(Comparator.comparingInt(t -> t.sampleBody().getBytes(StandardCharsets.UTF_8).length))
                .orElseThrow();
    }

    @Benchmark
    public Verification verify() {
        return built.verifier().verify(delivery);
    }
}
