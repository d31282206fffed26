package dev.hookyard.vendor.leaflink;

import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.VendorFactory;

import java.util.List;

/** The plugin entry point: contributes the LeafLink vendor ({@code vendor: leaflink}) and no handlers. */
public final class LeafLinkPlugin implements HookyardPlugin {

    /** Does no work: the host only asks for the factories. */
    public LeafLinkPlugin() {
    }

    /** One {@link LeafLinkVendorFactory}. */
    @Override
    public List<VendorFactory> vendors() {
        return List.of(new LeafLinkVendorFactory());
    }
}
