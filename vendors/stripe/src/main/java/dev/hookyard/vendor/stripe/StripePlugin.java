package dev.hookyard.vendor.stripe;

import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.VendorFactory;

import java.util.List;

/** The plugin entry point: contributes the Stripe vendor ({@code vendor: stripe}) and no handlers. */
public final class StripePlugin implements HookyardPlugin {

    /** Does no work: the host only asks for the factories. */
    public StripePlugin() {
    }

    /** One {@link StripeVendorFactory}. */
    @Override
    public List<VendorFactory> vendors() {
        return List.of(new StripeVendorFactory());
    }
}
