package dev.hookyard.vendor.github;

import dev.hookyard.spi.HookyardPlugin;
import dev.hookyard.spi.VendorFactory;

import java.util.List;

/** The plugin entry point: contributes the GitHub vendor ({@code vendor: github}) and no handlers. */
public final class GitHubPlugin implements HookyardPlugin {

    /** Does no work: the host only asks for the factories. */
    public GitHubPlugin() {
    }

    /** One {@link GitHubVendorFactory}. */
    @Override
    public List<VendorFactory> vendors() {
        return List.of(new GitHubVendorFactory());
    }
}
