package dev.hookyard.vendor.leah;

import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.VendorFactory;

import java.util.List;

/** The plugin entry point: contributes the Leah vendor ({@code vendor: leah}) and no handlers. */
public final class LeahPlugin implements HookyardPlugin {

    /** Does no work: the host only asks for the factories. */
    public LeahPlugin() {
    }

    /** One {@link LeahVendorFactory}. */
    @Override
    public List<VendorFactory> vendors() {
        return List.of(new LeahVendorFactory());
    }
}
