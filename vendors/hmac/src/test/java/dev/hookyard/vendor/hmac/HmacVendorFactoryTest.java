package dev.hookyard.vendor.hmac;

import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.VendorFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HmacVendorFactoryTest {

    @Test
    void pluginIsFoundOnTheClassPathAndContributesTheHmacVendor() {
        List<HookyardPlugin> plugins = ServiceLoader.load(HookyardPlugin.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertEquals(1, plugins.size());
        List<VendorFactory> vendors = plugins.get(0).vendors();
        assertEquals(List.of("hmac"), vendors.stream().map(VendorFactory::id).toList());
        assertTrue(plugins.get(0).handlers().isEmpty());
        assertTrue(vendors.get(0).description().contains("HMAC"));
    }
}
