package dev.hookyard.vendor.least;

import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.VendorFactory;

import java.util.List;

/** The plugin entry point: contributes the LEAST vendor ({@code vendor: least}) and no handlers. */
public final class LeastPlugin implements HookyardPlugin {

    /** Does no work: the host only asks for the factories. */
    public LeastPlugin() {
    }

    /** One {@link LeastVendorFactory}. */
    @Override
    public List<VendorFactory> vendors() {
        return List.of(new LeastVendorFactory());
    }
}
