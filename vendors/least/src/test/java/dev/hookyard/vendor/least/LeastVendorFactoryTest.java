package dev.hookyard.vendor.least;

import dev.hookyard.spi.Delivery;
import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.InvalidOptionException;
import dev.hookyard.spi.Keyring;
import dev.hookyard.spi.OptionSpec;
import dev.hookyard.spi.RejectionReason;
import dev.hookyard.spi.Vendor;
import dev.hookyard.spi.VendorFactory;
import dev.hookyard.spi.Verification;
import dev.hookyard.testkit.VendorContexts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static dev.hookyard.vendor.least.HmacSha256HeaderVerifierTest.assertRejected;
import static dev.hookyard.vendor.least.LeastVendors.SPEC_BODY;
import static dev.hookyard.vendor.least.LeastVendors.SPEC_SECRET;
import static dev.hookyard.vendor.least.LeastVendors.SPEC_SIGNATURE;
import static dev.hookyard.vendor.least.LeastVendors.delivery;
import static dev.hookyard.vendor.least.LeastVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeastVendorFactoryTest {

    private static final Delivery COLLECTION_SIGNED = delivery(SPEC_BODY, "X-LEAST-Signature", SPEC_SIGNATURE);
    private static final Delivery WORKFLOW_SIGNED = delivery(SPEC_BODY, "X-WF-Signature", SPEC_SIGNATURE);
    private static final Delivery BOTH_SIGNED = delivery(SPEC_BODY, Map.of(
            "X-LEAST-Signature", List.of(SPEC_SIGNATURE), "X-WF-Signature", List.of(SPEC_SIGNATURE)));

    @Test
    void pluginIsFoundOnTheClassPathAndContributesTheLeastVendor() {
        List<HookyardPlugin> plugins = ServiceLoader.load(HookyardPlugin.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertEquals(1, plugins.size());
        List<VendorFactory> vendors = plugins.get(0).vendors();
        assertEquals(List.of("least"), vendors.stream().map(VendorFactory::id).toList());
        assertTrue(plugins.get(0).handlers().isEmpty());
        assertTrue(vendors.get(0).description().contains("X-WF-Signature"));
    }

    @Test
    void declaresChannelAndStrictAsOptionalNonSecretOptions() {
        List<OptionSpec> options = new LeastVendorFactory().options();
        assertEquals(List.of("channel", "strict"), options.stream().map(OptionSpec::name).toList());
        assertTrue(options.stream().noneMatch(o -> o.required() || o.secret()));
    }

    @Test
    void channelCollectionAcceptsOnlyTheCollectionHeader() {
        Vendor collection = vendor(Map.of("channel", "collection"), SPEC_SECRET);
        assertEquals(Verification.verified("X-LEAST-Signature"), collection.verifier().verify(COLLECTION_SIGNED));
        assertRejected(RejectionReason.MISSING, collection.verifier().verify(WORKFLOW_SIGNED));
        assertEquals(Verification.verified("X-LEAST-Signature"), collection.verifier().verify(BOTH_SIGNED));
    }

    @Test
    void channelWorkflowAcceptsOnlyTheWorkflowHeader() {
        Vendor workflow = vendor(Map.of("channel", "workflow"), SPEC_SECRET);
        assertEquals(Verification.verified("X-WF-Signature"), workflow.verifier().verify(WORKFLOW_SIGNED));
        assertRejected(RejectionReason.MISSING, workflow.verifier().verify(COLLECTION_SIGNED));
        assertEquals(Verification.verified("X-WF-Signature"), workflow.verifier().verify(BOTH_SIGNED));
    }

    @Test
    void channelAnyIsTheDefaultAndAcceptsExactlyOneOfTheHeaders() {
        for (Vendor any : List.of(vendor(SPEC_SECRET), vendor(Map.of("channel", "any"), SPEC_SECRET))) {
            assertEquals(Verification.verified("X-LEAST-Signature"), any.verifier().verify(COLLECTION_SIGNED));
            assertEquals(Verification.verified("X-WF-Signature"), any.verifier().verify(WORKFLOW_SIGNED));
            assertRejected(RejectionReason.AMBIGUOUS, any.verifier().verify(BOTH_SIGNED));
        }
    }

    @Test
    void badChannelFailsAtStartupNamingTheKey() {
        for (Object bad : List.of("Collection", "wf", "", List.of("any"))) {
            InvalidOptionException e = assertThrows(InvalidOptionException.class,
                    () -> vendor(Map.of("channel", bad), SPEC_SECRET));
            assertEquals("channel", e.key());
        }
    }

    @Test
    void badStrictFailsAtStartupNamingTheKey() {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> vendor(Map.of("strict", "yes"), SPEC_SECRET));
        assertEquals("strict", e.key());
    }

    @Test
    void eachEndpointGetsItsOwnKeyring() {
        LeastVendorFactory factory = new LeastVendorFactory();
        Vendor a = factory.create(VendorContexts.of("a", Keyring.of(SPEC_SECRET), Map.of()));
        Vendor b = factory.create(VendorContexts.of("b", Keyring.of("other"), Map.of()));
        assertInstanceOf(Verification.Verified.class, a.verifier().verify(COLLECTION_SIGNED));
        assertRejected(RejectionReason.MISMATCH, b.verifier().verify(COLLECTION_SIGNED));
    }
}
