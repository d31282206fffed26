package dev.hookyard.vendor.absorb;

import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.VendorFactory;

import java.util.List;

/** The plugin entry point: contributes the Absorb LMS vendor ({@code vendor: absorb}) and no handlers. */
public final class AbsorbPlugin implements HookyardPlugin {

    /** Does no work: the host only asks for the factories. */
    public AbsorbPlugin() {
    }

    /** One {@link AbsorbVendorFactory}. */
    @Override
    public List<VendorFactory> vendors() {
        return List.of(new AbsorbVendorFactory());
    }
}
