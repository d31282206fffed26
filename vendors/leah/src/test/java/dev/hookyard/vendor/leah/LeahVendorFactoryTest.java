package dev.hookyard.vendor.leah;

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

import static dev.hookyard.vendor.leah.AuthorizationHeaderVerifierTest.assertRejected;
import static dev.hookyard.vendor.leah.LeahVendors.DOC_BASIC_HEADER;
import static dev.hookyard.vendor.leah.LeahVendors.DOC_USER_PASSWORD;
import static dev.hookyard.vendor.leah.LeahVendors.authorized;
import static dev.hookyard.vendor.leah.LeahVendors.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeahVendorFactoryTest {

    @Test
    void pluginIsFoundByServiceLoaderAndContributesTheLeahVendor() {
        List<HookyardPlugin> plugins = ServiceLoader.load(HookyardPlugin.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertEquals(1, plugins.size());
        List<VendorFactory> vendors = plugins.get(0).vendors();
        assertEquals(List.of("leah"), vendors.stream().map(VendorFactory::id).toList());
        assertTrue(plugins.get(0).handlers().isEmpty());
        assertTrue(vendors.get(0).description().contains("Bearer"));
    }

    @Test
    void declaresSchemeAndStrictAsOptionalNonSecretOptions() {
        List<OptionSpec> options = new LeahVendorFactory().options();
        assertEquals(List.of("scheme", "strict"), options.stream().map(OptionSpec::name).toList());
        assertTrue(options.stream().noneMatch(o -> o.required() || o.secret()));
    }

    @Test
    void schemeDefaultsToEither() {
        Vendor defaults = vendor(DOC_USER_PASSWORD, "token");
        assertInstanceOf(Verification.Verified.class, defaults.verifier().verify(authorized(DOC_BASIC_HEADER)));
        assertInstanceOf(Verification.Verified.class, defaults.verifier().verify(authorized("Bearer token")));
    }

    @Test
    void badSchemeFailsAtStartupNamingTheKey() {
        for (Object bad : List.of("Basic", "digest", "", "any", List.of("basic"))) {
            InvalidOptionException e = assertThrows(InvalidOptionException.class,
                    () -> vendor(Map.of("scheme", bad), DOC_USER_PASSWORD));
            assertEquals("scheme", e.key());
        }
    }

    @Test
    void badStrictFailsAtStartupNamingTheKey() {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> vendor(Map.of("strict", "yes"), DOC_USER_PASSWORD));
        assertEquals("strict", e.key());
    }

    @Test
    void basicWithASecretThatIsNotAUserPasswordFailsAtStartupWithoutShowingIt() {
        InvalidOptionException e = assertThrows(InvalidOptionException.class,
                () -> vendor(Map.of("scheme", "basic"), DOC_USER_PASSWORD, "a-lonely-token"));
        assertEquals("secrets", e.key());
        assertTrue(e.problem().contains("secret 2 of 2"), e.problem());
        assertFalse(e.getMessage().contains("a-lonely-token"), e.getMessage());
        assertFalse(e.getMessage().contains("my_pass"), e.getMessage());
    }

    @Test
    void tokensWithoutAColonAreFineOnEitherAndBearer() {
        vendor("token-one", "token-two");
        vendor(Map.of("scheme", "bearer"), "token-one");
    }

    @Test
    void eachEndpointGetsItsOwnKeyring() {
        LeahVendorFactory factory = new LeahVendorFactory();
        Vendor a = factory.create(VendorContexts.of("a", Keyring.of(DOC_USER_PASSWORD), Map.of()));
        Vendor b = factory.create(VendorContexts.of("b", Keyring.of("my_user:other"), Map.of()));
        assertInstanceOf(Verification.Verified.class, a.verifier().verify(authorized(DOC_BASIC_HEADER)));
        assertRejected(RejectionReason.MISMATCH, b.verifier().verify(authorized(DOC_BASIC_HEADER)));
    }
}
