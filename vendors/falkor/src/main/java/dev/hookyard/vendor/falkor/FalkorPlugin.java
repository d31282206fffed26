package dev.hookyard.vendor.falkor;

import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.VendorFactory;

import java.util.List;

/** The plugin entry point: contributes the Falkor vendor ({@code vendor: falkor}) and no handlers. */
public final class FalkorPlugin implements HookyardPlugin {

    /** Does no work: the host only asks for the factories. */
    public FalkorPlugin() {
    }

    /** One {@link FalkorVendorFactory}. */
    @Override
    public List<VendorFactory> vendors() {
        return List.of(new FalkorVendorFactory());
    }
}
