package dev.hookyard.vendor.standardwebhooks;

import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.VendorFactory;

import java.util.List;

/** The plugin entry point: contributes the Standard Webhooks vendor ({@code vendor: standard-webhooks}). */
public final class StandardWebhooksPlugin implements HookyardPlugin {

    /** Does no work: the host only asks for the factories. */
    public StandardWebhooksPlugin() {
    }

    /** One {@link StandardWebhooksVendorFactory}. */
    @Override
    public List<VendorFactory> vendors() {
        return List.of(new StandardWebhooksVendorFactory());
    }
}
