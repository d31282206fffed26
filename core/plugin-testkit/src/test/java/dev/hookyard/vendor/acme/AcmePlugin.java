package dev.hookyard.vendor.acme;

import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.VendorFactory;
import java.util.List;

/** The entry point of the Acme vendor module. */
public final class AcmePlugin implements HookyardPlugin {

    @Override
    public List<VendorFactory> vendors() {
        return List.of(new AcmeVendorFactory());
    }
}
