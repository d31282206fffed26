package dev.hookyard.vendor.hmac;

import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.VendorFactory;

import java.util.List;

/** The plugin entry point: contributes the configurable HMAC vendor ({@code vendor: hmac}) and no handlers. */
public final class HmacPlugin implements HookyardPlugin {

    /** Does no work: the host only asks for the factories. */
    public HmacPlugin() {
    }

    /** One {@link HmacVendorFactory}. */
    @Override
    public List<VendorFactory> vendors() {
        return List.of(new HmacVendorFactory());
    }
}
